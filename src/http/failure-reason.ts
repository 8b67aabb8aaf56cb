/**
 * Maps what Node and undici throw to the failure reasons of konform. Aborts and deadlines are
 * decided by the caller from its own signals; this looks only at the error and its causes.
 */
import type { HttpFailureReason } from '../model/exchange.js';

const CODES: Record<string, HttpFailureReason> = {
  KONFORM_ADDRESS_NOT_ALLOWED: 'addressNotAllowed',
  KONFORM_RESPONSE_TOO_LARGE: 'tooLarge',
  KONFORM_CONTENT_CODING: 'protocol',
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EAI_FAIL: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ENETUNREACH: 'unreachable',
  ENETDOWN: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'connectionReset',
  ECONNABORTED: 'connectionReset',
  EPIPE: 'connectionReset',
  UND_ERR_SOCKET: 'connectionReset',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'protocol',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'tooLarge',
  UND_ERR_ABORTED: 'aborted',
  UND_ERR_DESTROYED: 'aborted',
  UND_ERR_CLOSED: 'aborted',
};

/** OpenSSL and Node TLS error codes: certificate verification, alerts, handshake failures. */
export function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && (/^ERR_(SSL|TLS)_/.test(code) || /CERT|^UNABLE_TO_|^EPROTO$/.test(code));
}

function reasonOf(error: { code?: unknown; name?: unknown }): HttpFailureReason | undefined {
  const code = typeof error.code === 'string' ? error.code : undefined;
  if (isTlsErrorCode(code)) return 'tls';
  if (code !== undefined && CODES[code]) return CODES[code];
  // llhttp parse errors (malformed status line, headers, chunking).
  if (error.name === 'HTTPParserError' || code?.startsWith('HPE_')) return 'protocol';
  return undefined;
}

/** The reason of the first error in the cause chain (and AggregateError members) that has one. */
export function failureReason(error: unknown): HttpFailureReason {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const reason = reasonOf(current);
    if (reason) return reason;
    if (current instanceof AggregateError) pending.push(...current.errors);
    pending.push((current as { cause?: unknown }).cause);
  }
  return 'protocol';
}
