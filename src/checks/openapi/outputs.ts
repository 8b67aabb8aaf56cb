/**
 * Check outputs the OpenAPI kinds have in common. konform tells "the target failed" (failed)
 * apart from "konform could not check" (cantTell): a transport failure is cantTell.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { transportFailureFinding } from '../../http/failure-finding.js';
import type { HttpFailure, ResponseHead } from '../../http/types.js';
import type { ResponseCheck } from '../../openapi/response-check.js';
import type { Operation } from '../../openapi/types.js';

/** cantTell for a request that failed; `consequence` says what its failure leaves unknown. */
export function transportFailure(failure: HttpFailure, operation?: Operation, consequence?: string): CheckOutput {
  return {
    outcome: 'cantTell',
    findings: [{ ...transportFailureFinding(failure, consequence), ...(operation ? { location: { operation: operation.key } } : {}) }],
    evidence: [failure.exchangeId],
  };
}

/**
 * A 5xx answer (RFC 9110 §15.6) to a valid request is never passed: `openapi.no-server-error`
 * fails it, and the checks of the answer's contract report cantTell, as the answer says the
 * server did not get to produce the documented response.
 */
export function serverErrorCantTell(operation: Operation, response: ResponseHead): CheckOutput {
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

/** RFC 9110 §15.3: a 2xx status says the request succeeded. */
export function succeeded(response: ResponseHead): boolean {
  return response.status >= 200 && response.status < 300;
}

/** cantTell: the valid request of the operation was answered, but not with success. */
export function withoutSuccess(operation: Operation, response: ResponseHead, consequence: string): CheckOutput {
  return {
    outcome: 'cantTell',
    findings: [
      {
        code: 'no-success',
        message: `${operation.method} ${operation.path} did not succeed with a valid request (it answered ${response.status}); ${consequence}`,
        params: { status: response.status },
        location: { operation: operation.key },
        exchange: response.exchangeId,
      },
    ],
    evidence: [response.exchangeId],
  };
}

/**
 * An answer to the valid request that is no success (a 4xx, say) shows nothing of the
 * operation's documented success: a check it would pass, or leave inapplicable, is cantTell.
 * What it fails stays failed, as the answer contradicts the document all the same.
 */
export function judgedWithoutSuccess(output: CheckOutput, operation: Operation, response: ResponseHead): CheckOutput {
  if (succeeded(response) || output.outcome === 'failed') return output;
  return withoutSuccess(operation, response, 'its answers to a successful request were not examined');
}

/**
 * A secured operation answered 401 or 403 (RFC 9110 §15.5.2, §15.5.4): the request did not
 * satisfy its Security Requirement, and the answer is evidence of the security behaviour only
 * (`openapi.security-enforced`), not of the operation's documented answers.
 */
export function needsCredentials(operation: Operation, response: ResponseHead): CheckOutput {
  return {
    outcome: 'cantTell',
    findings: [
      {
        code: 'needs-credentials',
        message:
          `${operation.method} ${operation.path} needs credentials: it answered ${response.status} to a request that did not ` +
          'satisfy its security requirement; give valid credentials (--auth-*) to check its answers',
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
export function fromResponseCheck(check: ResponseCheck, response: ResponseHead): CheckOutput {
  if (!check.applicable) return inapplicable(check.reason, [response.exchangeId]);
  return { outcome: check.findings.length > 0 ? 'failed' : 'passed', findings: check.findings, evidence: [response.exchangeId] };
}

function notApplicableFinding(reason: string): Finding {
  return { code: 'not-applicable', message: reason, severity: 'info' };
}
