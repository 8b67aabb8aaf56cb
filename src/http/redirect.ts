/**
 * Redirects are followed by konform itself, one hop at a time, so that every hop passes the
 * allowlist, the address policy and the rate limit, and credentials stay with their origin.
 */
import type { Credentials } from './auth.js';

/** What is sent next: the request as it stands after the redirects followed so far. */
export interface RequestState {
  method: string;
  url: URL;
  /** Names in lower case. */
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** Absent once the request has left the origin the credentials were meant for. */
  credentials?: Credentials;
}

/** RFC 9110 §15.4.2–15.4.9 */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Header fields that carry credentials chosen by the caller (RFC 9110 §11.6.2, §11.7.2; RFC 6265). */
const CALLER_CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'];

/** Where a redirect response points (RFC 9110 §10.2.2, relative to the request URL); undefined for other responses. */
export function redirectLocation(status: number, headers: Record<string, string | string[]>, base: URL): URL | undefined {
  const location = headers.location;
  if (!REDIRECT_STATUSES.has(status) || typeof location !== 'string') return undefined;
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

export function followRedirect(state: RequestState, status: number, location: URL): RequestState {
  // RFC 9110 §15.4.4: after 303 the target is retrieved with GET (HEAD stays HEAD);
  // §15.4.2, §15.4.3: after 301 and 302 a POST may become GET, as user agents do.
  const toGet = (status === 303 && state.method !== 'HEAD') || ((status === 301 || status === 302) && state.method === 'POST');
  const crossOrigin = location.origin !== state.url.origin;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(state.headers)) {
    // RFC 9110 §15.4: a request turned into GET drops its content and the fields describing it.
    if (toGet && name.startsWith('content-')) continue;
    if (crossOrigin && CALLER_CREDENTIAL_HEADERS.includes(name)) continue;
    headers[name] = value;
  }
  return {
    method: toGet ? 'GET' : state.method,
    url: location,
    headers,
    ...(toGet || state.body === undefined ? {} : { body: state.body }),
    ...(crossOrigin || !state.credentials ? {} : { credentials: state.credentials }),
  };
}
