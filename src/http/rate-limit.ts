/**
 * Per-host request spacing: with a rate of r requests per second, requests to one host start
 * at least 1/r seconds apart. Spacing (rather than a bursting token bucket) keeps the load a
 * vendor system sees from a run even and predictable.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface RateLimiter {
  /** Reserves the next slot for the host; returns how many milliseconds to wait for it. */
  reserve(host: string): number;
  /**
   * Waits for the next slot of the host; rejects when the signal aborts. Undefined when the
   * slot is now, so that an unlimited rate costs no wait.
   */
  wait(host: string, signal?: AbortSignal): Promise<void> | undefined;
  /** No request to the host starts within the next `ms` milliseconds (a server's Retry-After). */
  pause(host: string, ms: number): void;
}

export function createRateLimiter(ratePerHost: number, now: () => number = () => performance.now()): RateLimiter {
  const interval = ratePerHost > 0 ? 1000 / ratePerHost : 0;
  const nextSlot = new Map<string, number>();

  const reserve = (host: string): number => {
    const paused = nextSlot.get(host);
    if (interval === 0 && paused === undefined) return 0;
    const current = now();
    const slot = Math.max(current, paused ?? current);
    nextSlot.set(host, slot + interval);
    return slot - current;
  };

  return {
    reserve,
    wait(host, signal) {
      const delay = reserve(host);
      return delay > 0 ? sleep(delay, undefined, { signal }) : undefined;
    },
    pause(host, ms) {
      nextSlot.set(host, Math.max(nextSlot.get(host) ?? 0, now() + ms));
    },
  };
}
