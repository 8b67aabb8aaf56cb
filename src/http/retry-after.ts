/**
 * A server that answers 429 Too Many Requests (RFC 6585 §4) or 503 Service Unavailable
 * (RFC 9110 §15.6.4) asks the client to slow down: konform sends nothing more to that host for
 * a while and repeats the request, at most RETRIES times. The while is the Retry-After the
 * answer names (RFC 9110 §10.2.3), if at most MAX_WAIT_MS; without one, an exponential backoff
 * from the limit `backoffMs` (1 s, 2 s, …: the same delays in every run, no jitter), never more
 * than MAX_WAIT_MS. A longer wait named leaves the answer as it is, and so does the last retry:
 * one request waits RETRIES × MAX_WAIT_MS at most.
 */
export const RETRIES = 2;
export const MAX_WAIT_MS = 30_000;
/** The first backoff where the limits name none (HttpLimits.backoffMs). */
export const BACKOFF_MS = 1000;

const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Whether the answer asks the client to slow down. */
export const isThrottled = (status: number): boolean => RETRY_STATUSES.has(status);

/** RFC 9110 §10.2.3: `Retry-After: <delay-seconds>` or `Retry-After: <HTTP-date>`, in milliseconds from `now`. */
export function retryAfterMs(value: string | string[] | undefined, now: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before asking again, or undefined when the answer stands. */
export function retryDelay(
  status: number,
  headers: Record<string, string | string[]>,
  retriesSoFar: number,
  now = Date.now(),
  backoffMs = BACKOFF_MS,
): number | undefined {
  if (!isThrottled(status) || retriesSoFar >= RETRIES) return undefined;
  const asked = retryAfterMs(headers['retry-after'], now);
  if (asked === undefined) return Math.min(MAX_WAIT_MS, backoffMs * 2 ** retriesSoFar);
  return asked <= MAX_WAIT_MS ? asked : undefined;
}
