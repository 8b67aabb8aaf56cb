/**
 * Check outputs the OpenAPI kinds have in common. konform tells "the target failed" (failed)
 * apart from "konform could not check" (cantTell): a transport failure is cantTell.
 */
import type { CheckOutput, Finding } from '../../core/model.js';
import type { HttpFailure, HttpResponse } from '../../http/types.js';
import type { ResponseCheck } from '../../openapi/response-check.js';
import type { Operation } from '../../openapi/types.js';

export function transportFailure(failure: HttpFailure, operation?: Operation): CheckOutput {
  return {
    outcome: 'cantTell',
    findings: [
      {
        code: 'transport-failure',
        message: `the request to ${failure.url} failed (${failure.reason}): ${failure.message}`,
        params: { reason: failure.reason, url: failure.url },
        ...(operation ? { location: { operation: operation.key } } : {}),
        exchange: failure.exchangeId,
      },
    ],
    evidence: [failure.exchangeId],
  };
}

/**
 * A 5xx answer (RFC 9110 §15.6) to a valid request is never passed: `openapi.no-server-error`
 * fails it, and the checks of the answer's contract report cantTell, as the answer says the
 * server did not get to produce the documented response.
 */
export function serverErrorCantTell(operation: Operation, response: HttpResponse): CheckOutput {
  return {
    outcome: 'cantTell',
    findings: [
      {
        code: 'server-error',
        message: `${operation.method} ${operation.path} answered ${response.status}; its contract could not be checked`,
        params: { status: response.status },
        location: { operation: operation.key },
        exchange: response.exchangeId,
      },
    ],
    evidence: [response.exchangeId],
  };
}

export function inapplicable(reason: string, evidence: string[] = []): CheckOutput {
  return { outcome: 'inapplicable', findings: [notApplicableFinding(reason)], evidence };
}

/** passed without findings, failed with them, inapplicable when there was nothing to check. */
export function fromResponseCheck(check: ResponseCheck, response: HttpResponse): CheckOutput {
  if (!check.applicable) return inapplicable(check.reason, [response.exchangeId]);
  return { outcome: check.findings.length > 0 ? 'failed' : 'passed', findings: check.findings, evidence: [response.exchangeId] };
}

function notApplicableFinding(reason: string): Finding {
  return { code: 'not-applicable', message: reason, severity: 'information' };
}
