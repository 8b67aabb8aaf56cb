/**
 * How a client keeps to each host's pace: every hop waits for its rate slot (rate-limit.ts); its
 * answer adapts the host's rate, a 429 or 503 lowering it and any other answer raising it back;
 * a 429 or 503 is asked again after the wait retry-after.ts names, the host paused meanwhile;
 * and the traffic is counted for the report (traffic.ts).
 */
import { HopFailure, type Hop, type HopResponse } from './hop.js';
import type { RateLimiter } from './rate-limit.js';
import { isThrottled, retryDelay } from './retry-after.js';
import { createTrafficLog } from './traffic.js';
import type { HostTraffic } from '../model/report.js';

export interface Politeness {
  readonly limiter: RateLimiter;
  /** Told every hop sent (not those refused unsent), with when it started and what came of it. */
  observe(hop: Hop, startedMs: number, outcome: HopResponse | HopFailure): void;
  /** Whether to ask `host` again after its answer `response`; if so, the host is paused for the wait. */
  retry(host: string, response: HopResponse, retriesSoFar: number): boolean;
  /** The traffic so far, per host. */
  traffic(): HostTraffic[];
}

/** `backoffMs`: the first wait after a 429 or 503 without Retry-After (HttpLimits.backoffMs). */
export function createPoliteness(limiter: RateLimiter, backoffMs: number | undefined): Politeness {
  const log = createTrafficLog();
  return {
    limiter,
    observe(hop, startedMs, outcome) {
      const host = hop.url.host;
      log.sent(host, startedMs);
      if (outcome instanceof HopFailure) return;
      if (!isThrottled(outcome.status)) return limiter.answered(host);
      limiter.throttled(host, startedMs);
      log.throttled(host, limiter.rate(host));
    },
    retry(host, response, retriesSoFar) {
      const delay = retryDelay(response.status, response.headers, retriesSoFar, response.answeredAt, backoffMs);
      if (delay === undefined) return false;
      limiter.pause(host, delay);
      log.backedOff(host, delay);
      return true;
    },
    traffic: () => log.hosts(limiter.ratePerHost),
  };
}
