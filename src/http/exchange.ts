/**
 * Builds the recorded Exchange of one request: everything in it passes the redactor, bodies
 * are kept as excerpts.
 */
import { excerptBody } from './excerpt.js';
import type { HopResponse } from './hop.js';
import type { Redactor } from './redaction.js';
import type { Exchange, HttpFailureReason } from '../model/exchange.js';

export interface ExchangeStart {
  id: string;
  startedAt: string;
  /** performance.now() at the start. */
  startedMs: number;
  /** The first request sent, credentials included. */
  request: { method: string; url: string; headers: Record<string, string>; body?: string | Uint8Array };
}

export interface ExchangeOutcome {
  redirects: Array<{ status: number; location: string }>;
  retried?: Array<{ url: string; message: string }>;
  /** The last response received, and the URL it came from. */
  received?: { url: URL; response: HopResponse };
  failure?: { reason: HttpFailureReason; message: string };
}

let clockMs = Number.NaN;
let clockText = '';

/** The wall clock in ISO 8601, as Exchange.startedAt gives it: one Date formatted per millisecond, however many requests start in it. */
export function startedAtNow(): string {
  const now = Date.now();
  if (now !== clockMs) {
    clockMs = now;
    clockText = new Date(now).toISOString();
  }
  return clockText;
}

export function toBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
}

export function buildExchange(start: ExchangeStart, end: ExchangeOutcome, redactor: Redactor, excerptBytes: number): Exchange {
  const { request } = start;
  const exchange: Exchange = {
    id: start.id,
    startedAt: start.startedAt,
    durationMs: Math.round((performance.now() - start.startedMs) * 10) / 10,
    request: {
      method: request.method,
      url: redactor.redactUrl(request.url),
      headers: redactor.redactHeaders(request.headers),
      ...(request.body === undefined ? {} : { bodyExcerpt: excerptBody(toBytes(request.body), excerptBytes, redactor).excerpt }),
    },
  };
  if (end.redirects.length > 0) {
    exchange.redirects = end.redirects.map(({ status, location }) => ({ status, location: redactor.redactUrl(location) }));
  }
  if (end.retried) {
    exchange.retried = end.retried.map(({ url, message }) => ({ url: redactor.redactUrl(url), message: redactor.redactText(message) }));
  }
  if (end.received) {
    const { url, response } = end.received;
    const excerpt = excerptBody(response.body, excerptBytes, redactor, response.bytes);
    exchange.response = {
      status: response.status,
      url: redactor.redactUrl(url.href),
      headers: redactor.redactHeaders(response.headers),
      bodyExcerpt: excerpt.excerpt,
      bodyBytes: response.bytes,
      truncated: excerpt.truncated || response.cut,
    };
    if (response.contentCoding) exchange.response.contentCoding = response.contentCoding;
  }
  if (end.failure) exchange.error = { reason: end.failure.reason, message: redactor.redactText(end.failure.message) };
  return exchange;
}
