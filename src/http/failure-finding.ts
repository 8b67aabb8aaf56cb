/** The finding of a request that got no usable answer (HttpFailure): konform could not check what needed it. */
import type { Finding } from '../model/types.js';
import type { HttpFailure } from './types.js';

export function transportFailureFinding(failure: HttpFailure): Finding {
  return {
    code: 'transport-failure',
    message: `the request to ${failure.url} failed (${failure.reason}): ${failure.message}`,
    params: { reason: failure.reason, url: failure.url },
    exchange: failure.exchangeId,
  };
}
