/**
 * One GET of the crawl, turned into what the record keeps: a Fetched response with its body
 * parsed and its bytes checked as UTF-8, or with the equal object found before in another body (twins.ts) — the bytes
 * themselves are dropped; the exchange keeps an excerpt as evidence — or a CrawlFailure for an
 * HTTP error status or a transport failure.
 */
import { isUtf8 } from 'node:buffer';
import { REDACTED } from '../http/redaction.js';
import { HttpFailure, type HttpClient, type HttpResponse } from '../http/types.js';
import type { Pending } from './frontier.js';
import type { Twins } from './twins.js';
import type { CrawlFailure, Fetched } from './types.js';

/** `twin`: the body equals an object found inside another body (twins.ts), and is that object. */
export type FetchResult = { fetched: Fetched; twin: boolean } | { failure: CrawlFailure } | { aborted: true };

/**
 * The URL the answer came from, when redirects led away from `requested`. The client names the
 * URL it sent, with an API key it added to the query redacted; that alone is no redirect.
 */
function finalUrlOf(requested: string, answered: string): string | undefined {
  const at = answered.indexOf('?');
  if (answered === requested || at < 0) return answered === requested ? undefined : answered;
  const kept = answered.slice(at + 1).split('&').filter((pair) => pair !== '' && !pair.endsWith(`=${REDACTED}`));
  const unredacted = answered.slice(0, at) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  return unredacted === requested ? undefined : answered;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The problem of a body's bytes as UTF-8, if it has one; the bytes themselves are not kept. */
function encodingOf(body: Buffer): Fetched['encoding'] {
  if (body.subarray(0, 3).equals(BOM)) return 'byteOrderMark';
  return isUtf8(body) ? undefined : 'notUtf8';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function toFetched(response: HttpResponse, { url, depth, via }: Pending, twins: Twins): { fetched: Fetched; twin: boolean } {
  const contentType = headerValue(response.headers['content-type']);
  const encoding = encodingOf(response.body);
  // RFC 8259 §8.1: a parser may ignore a byte order mark; json-response reports it (`encoding`).
  const parsed = twins.parse(url, response.body.toString('utf8', encoding === 'byteOrderMark' ? BOM.length : 0));
  const fetched: Fetched = {
    url,
    ...(finalUrlOf(url, response.url) === undefined ? {} : { finalUrl: response.url }),
    exchange: response.exchangeId,
    status: response.status,
    headers: response.headers,
    ...(contentType === undefined ? {} : { contentType }),
    ...(parsed.ok ? { json: parsed.value } : { invalidJson: { message: parsed.message, line: parsed.line, column: parsed.column } }),
    ...(encoding ? { encoding } : {}),
    bytes: response.body.length,
    depth,
    ...(via ? { via } : {}),
  };
  return { fetched, twin: parsed.ok && parsed.twin === true };
}

export async function fetchPending(http: HttpClient, item: Pending, headers: Record<string, string> | undefined, twins: Twins): Promise<FetchResult> {
  const { url, depth, via } = item;
  const where = { url, depth, ...(via ? { via } : {}) };
  let response: HttpResponse;
  try {
    response = await http.send({ method: 'GET', url, ...(headers ? { headers } : {}) });
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    if (error.reason === 'aborted') return { aborted: true };
    return { failure: { ...where, exchange: error.exchangeId, reason: error.reason, message: error.message } };
  }
  if (response.status >= 200 && response.status < 300) return toFetched(response, item, twins);
  const message = `the server answered ${response.status}`;
  return { failure: { ...where, exchange: response.exchangeId, status: response.status, message } };
}
