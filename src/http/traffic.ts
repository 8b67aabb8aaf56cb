/**
 * The traffic of a client, per host: how many requests it sent there and over what time, how
 * often the host asked konform to slow down (429, 503), how often konform waited and asked
 * again and for how long, and how low the host's rate went; report.json's `traffic`. Hosts are
 * named by host and port only, never by a URL.
 */
import type { HostTraffic } from '../model/report.js';

export interface TrafficLog {
  /** A request started to the host at `startedMs` (performance.now()). */
  sent(host: string, startedMs: number): void;
  /** The host answered 429 or 503 and is now held to `rate` requests per second (0: not held). */
  throttled(host: string, rate: number): void;
  /** konform waited `ms` before asking the host again. */
  backedOff(host: string, ms: number): void;
  /** Every host contacted, in the order first contacted. */
  hosts(configuredRate: number): HostTraffic[];
}

interface Counts {
  requests: number;
  firstMs: number;
  lastMs: number;
  throttled: number;
  backoffs: number;
  waitedMs: number;
  lowestRate?: number;
}

const hundredths = (value: number): number => Math.round(value * 100) / 100;

export function createTrafficLog(): TrafficLog {
  const byHost = new Map<string, Counts>();
  const countsOf = (host: string): Counts => {
    let counts = byHost.get(host);
    if (!counts) byHost.set(host, (counts = { requests: 0, firstMs: Infinity, lastMs: -Infinity, throttled: 0, backoffs: 0, waitedMs: 0 }));
    return counts;
  };
  return {
    sent(host, startedMs) {
      const counts = countsOf(host);
      counts.requests += 1;
      counts.firstMs = Math.min(counts.firstMs, startedMs);
      counts.lastMs = Math.max(counts.lastMs, startedMs);
    },
    throttled(host, rate) {
      const counts = countsOf(host);
      counts.throttled += 1;
      if (rate > 0) counts.lowestRate = Math.min(counts.lowestRate ?? rate, rate);
    },
    backedOff(host, ms) {
      const counts = countsOf(host);
      counts.backoffs += 1;
      counts.waitedMs += ms;
    },
    hosts: (configuredRate) =>
      [...byHost].filter(([, counts]) => counts.requests > 0).map(([host, counts]) => {
        const durationMs = counts.lastMs - counts.firstMs;
        return {
          host,
          requests: counts.requests,
          durationMs: Math.round(durationMs),
          ...(counts.requests > 1 && durationMs > 0 ? { effectiveRate: hundredths((counts.requests - 1) / (durationMs / 1000)) } : {}),
          configuredRate,
          ...(counts.lowestRate === undefined ? {} : { lowestRate: hundredths(counts.lowestRate) }),
          throttled: counts.throttled,
          backoffs: counts.backoffs,
          waitedMs: Math.round(counts.waitedMs),
        };
      }),
  };
}
