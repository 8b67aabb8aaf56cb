/**
 * A server that answers 429 Too Many Requests (RFC 6585 §4) or 503 Service Unavailable
 * (RFC 9110 §15.6.4) with Retry-After asks the client to wait: konform sends nothing more to
 * that host until then and repeats the request, at most RETRIES times and only for a wait of
 * at most MAX_WAIT_MS; a longer wait, or none named, leaves the answer as it is.
 */
export const RETRIES = 2;
export const MAX_WAIT_MS = 30_000;

const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** RFC 9110 §10.2.3: `Retry-After: <delay-seconds>` or `Retry-After: <HTTP-date>`, in milliseconds from `now`. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before asking again, or undefined when the answer stands. */
export function retryDelay(status: number, headers: Record<string, string | string[]>, retriesSoFar: number, now = Date.now()): number | undefined {
  if (!RETRY_STATUSES.has(status) || retriesSoFar >= RETRIES) return undefined;
  const delay = retryAfterMs(headers['retry-after'], now);
  return delay !== undefined && delay <= MAX_WAIT_MS ? delay : undefined;
}
