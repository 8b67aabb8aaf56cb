/**
 * Per-host request spacing: with a rate of r requests per second, requests to one host start
 * at least 1/r seconds apart. Spacing (rather than a bursting token bucket) keeps the load a
 * vendor system sees from a run even and predictable.
 *
 * The rate adapts to a host that asks konform to slow down (429 or 503), by additive increase
 * and multiplicative decrease as TCP's congestion control does (RFC 5681 §3.1): a 429 or 503
 * halves the host's rate, down to MIN_RATE, once for the requests that were in flight; every
 * other answer adds back 1/rate, one request per second more for each second of answers,
 * never above the configured rate. Without a configured rate (0) nothing is spaced and
 * nothing adapts; a server's Retry-After is honoured either way (`pause`).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The lowest rate a host is lowered to, in requests per second (or the configured rate, where lower). */
export const MIN_RATE = 1;

export interface RateLimiter {
  /** The configured rate, in requests per second; 0 for no limit. */
  readonly ratePerHost: number;
  /** Reserves the next slot for the host; returns how many milliseconds to wait for it. */
  reserve(host: string): number;
  /**
   * Waits for the next slot of the host; rejects when the signal aborts. Undefined when the
   * slot is now, so that an unlimited rate costs no wait.
   */
  wait(host: string, signal?: AbortSignal): Promise<void> | undefined;
  /** No request to the host starts within the next `ms` milliseconds (a server's Retry-After). */
  pause(host: string, ms: number): void;
  /** The host answered 429 or 503 to a request sent at `sentMs` (the limiter's clock): its rate is halved. */
  throttled(host: string, sentMs: number): void;
  /** The host answered otherwise: its rate grows back towards the configured one. */
  answered(host: string): void;
  /** The host's rate now, in requests per second; 0 for no limit. */
  rate(host: string): number;
}

interface Lowered {
  rate: number;
  /** When it was last halved: a throttled answer to a request sent before then is already answered for. */
  since: number;
}

/**
 * Sleeps until `at` on the clock `now`. A timer may fire up to a millisecond early by that clock
 * (the event loop reads its own clock once a turn), and a request sent then would come sooner
 * than the rate allows: what is left is slept again.
 */
async function sleepUntil(at: number, now: () => number, signal: AbortSignal | undefined): Promise<void> {
  for (let left = at - now(); left > 0; left = at - now()) await sleep(left, undefined, { signal });
}

export function createRateLimiter(ratePerHost: number, now: () => number = () => performance.now()): RateLimiter {
  const floor = Math.min(MIN_RATE, ratePerHost);
  const nextSlot = new Map<string, number>();
  const lowered = new Map<string, Lowered>();
  const rate = (host: string): number => lowered.get(host)?.rate ?? ratePerHost;

  const reserve = (host: string): number => {
    const paused = nextSlot.get(host);
    if (ratePerHost === 0 && paused === undefined) return 0;
    const current = now();
    const slot = Math.max(current, paused ?? current);
    nextSlot.set(host, ratePerHost > 0 ? slot + 1000 / rate(host) : slot);
    return slot - current;
  };

  return {
    ratePerHost,
    reserve,
    wait(host, signal) {
      const delay = reserve(host);
      return delay > 0 ? sleepUntil(now() + delay, now, signal) : undefined;
    },
    pause(host, ms) {
      nextSlot.set(host, Math.max(nextSlot.get(host) ?? 0, now() + ms));
    },
    throttled(host, sentMs) {
      const last = lowered.get(host);
      if (ratePerHost === 0 || (last && sentMs < last.since)) return;
      lowered.set(host, { rate: Math.max(floor, rate(host) / 2), since: now() });
    },
    answered(host) {
      const last = lowered.get(host);
      if (!last) return;
      const recovered = last.rate + 1 / last.rate;
      if (recovered >= ratePerHost) lowered.delete(host);
      else last.rate = recovered;
    },
    rate,
  };
}
