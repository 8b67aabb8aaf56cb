/**
 * The hops of an exchange as they went over the wire, for a recording (src/replay): each request
 * as sent, credentials included, and its response whole, body decoded, or the failure with what
 * had arrived. Only a client that records gathers them; whoever receives them redacts them.
 */
import type { HttpFailureReason } from '../model/exchange.js';
import { HopFailure, type Hop, type HopResponse } from './hop.js';

export interface HopRecord {
  hop: Hop;
  /** ISO 8601, when the hop was sent. */
  startedAt: string;
  durationMs: number;
  /** The response; of a failure, what had arrived of it (a body cut at the size limit, say). */
  response?: HopResponse;
  failure?: { reason: HttpFailureReason; message: string };
  /** The host stopped answering with this failure: no more is sent to it (circuit-breaker.ts). */
  stopped?: { host: string; message: string };
}

/** Told an exchange's hops once the exchange is recorded: the redactor then knows the tokens its answer carried. */
export type HopRecorder = (exchangeId: string, hops: readonly HopRecord[]) => void;

export function hopRecordOf(hop: Hop, startedAt: string, startedMs: number, outcome: HopResponse | HopFailure): HopRecord {
  const durationMs = Math.round((performance.now() - startedMs) * 10) / 10;
  if (!(outcome instanceof HopFailure)) return { hop, startedAt, durationMs, response: outcome };
  return {
    hop,
    startedAt,
    durationMs,
    ...(outcome.response ? { response: outcome.response } : {}),
    failure: { reason: outcome.reason, message: outcome.message },
  };
}
