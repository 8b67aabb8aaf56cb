/**
 * The finding of a request that got no answer: konform could not check what needed it. Every
 * family reports it so: the code `transport-failure`, the message "the request to <url> failed
 * (<reason>): <what happened>", then what the failure leaves unknown where the caller says so.
 * In a replay, a request the recording holds no answer to is `not-recorded`.
 */
import type { HttpFailureReason } from '../model/exchange.js';
import type { Finding } from '../model/types.js';
import { HttpFailure } from './types.js';

/** A request without an answer as the crawler records it (crawl/types.ts). */
export interface UnansweredRequest {
  url: string;
  reason: HttpFailureReason;
  message: string;
  exchange: string;
}

export function transportFailureFinding(failure: HttpFailure | UnansweredRequest, consequence?: string): Finding {
  const exchange = failure instanceof HttpFailure ? failure.exchangeId : failure.exchange;
  const what =
    failure.reason === 'notRecorded'
      ? `the recording holds no answer to the request to ${failure.url}`
      : `the request to ${failure.url} failed (${failure.reason}): ${failure.message}`;
  return {
    code: failure.reason === 'notRecorded' ? 'not-recorded' : 'transport-failure',
    message: `${what}${consequence ? `; ${consequence}` : ''}`,
    params: { reason: failure.reason, url: failure.url },
    exchange,
  };
}
