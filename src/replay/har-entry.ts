/**
 * One hop of a recording run as a HAR 1.2 entry, redacted as everything konform records: header
 * values (credential headers replaced whole), the URL and its query, bodies. The entry says
 * which exchange of the report it belongs to, whether its body was cut at the size limit and
 * why a request got no whole answer (`_konform`).
 */
import { toBytes } from '../http/exchange.js';
import type { Hop } from '../http/hop.js';
import type { HopRecord } from '../http/hop-record.js';
import type { Redactor } from '../http/redaction.js';
import type { HarEntry, HarNameValue } from './har.js';
import { harBodyOf, type RecordedBody } from './har-body.js';

/** konform speaks HTTP/1.1 (undici). */
const HTTP_VERSION = 'HTTP/1.1';

/** Header fields as HAR lists them: one object per field line, a repeated field once per value. */
export function nameValues(headers: Record<string, string | string[]>): HarNameValue[] {
  return Object.entries(headers).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((one) => ({ name, value: one })));
}

function queryStringOf(url: string): HarNameValue[] {
  if (!URL.canParse(url)) return [];
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}

/** The request of a hop as the entry records it (and a replay compares it, replay-transport.ts). */
export function harRequestOf(hop: Hop, redactor: Redactor): HarEntry['request'] {
  const url = new URL(hop.url);
  url.hash = '';
  const recordedUrl = redactor.redactUrl(url.href);
  const headers = redactor.redactHeaders(hop.headers);
  const body = hop.body === undefined ? undefined : toBytes(hop.body);
  const postData = body && harBodyOf(body, redactor);
  return {
    method: hop.method,
    url: recordedUrl,
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(headers),
    queryString: queryStringOf(recordedUrl),
    ...(postData
      ? { postData: { mimeType: headers['content-type'] ?? '', text: postData.text, ...(postData.encoding ? { _encoding: postData.encoding } : {}) } }
      : {}),
    headersSize: -1,
    bodySize: body?.byteLength ?? 0,
  };
}

function firstValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function harResponseOf(record: HopRecord, body: RecordedBody | undefined, redactor: Redactor): HarEntry['response'] {
  const { response } = record;
  if (!response || !body) {
    // No response began: HAR has no place for that but status 0 (as browsers record it).
    return { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: -1 };
  }
  const headers = redactor.redactHeaders(response.headers);
  const comments = [
    ...(response.cut ? [`cut at the size limit: ${response.bytes} bytes came, the body was longer`] : []),
    ...(body.withheld ? ['withheld: it holds a secret konform cannot replace in it'] : []),
  ];
  return {
    status: response.status,
    statusText: '',
    httpVersion: HTTP_VERSION,
    cookies: [],
    headers: nameValues(headers),
    content: {
      size: response.bytes,
      mimeType: firstValue(headers['content-type']),
      text: body.text,
      ...(body.encoding ? { encoding: body.encoding } : {}),
      ...(comments.length > 0 ? { comment: comments.join('; ') } : {}),
    },
    redirectURL: firstValue(headers.location),
    headersSize: -1,
    // The bytes on the wire are known only where no content coding changed them.
    bodySize: response.contentCoding || response.cut ? -1 : response.bytes,
  };
}

export function harEntryOf(exchange: string, record: HopRecord, redactor: Redactor): HarEntry {
  const { failure } = record;
  const body = record.response && harBodyOf(record.response.body, redactor);
  return {
    startedDateTime: record.startedAt,
    time: record.durationMs,
    request: harRequestOf(record.hop, redactor),
    response: harResponseOf(record, body, redactor),
    cache: {},
    // konform times a hop as a whole, from sending to the last byte.
    timings: { send: 0, wait: record.durationMs, receive: 0 },
    _konform: {
      exchange,
      ...(record.response?.cut ? { cut: true } : {}),
      ...(body?.withheld ? { withheld: true } : {}),
      ...(failure ? { error: { reason: failure.reason, message: redactor.redactText(failure.message) } } : {}),
      ...(record.stopped ? { stopped: { host: record.stopped.host, message: redactor.redactText(record.stopped.message) } } : {}),
    },
  };
}
