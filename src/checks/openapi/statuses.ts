/**
 * Judging the status of an answer to a request the server should refuse: the accepted
 * statuses pass; success and server errors fail, and so does any other status, with a
 * finding that says what was expected. A 401 or 403 says the server refused the caller
 * before it judged the request (RFC 9110 §15.5.2, §15.5.4): nothing can be told then.
 */
import type { CheckOutput, Finding, FindingLocation } from '../../model/types.js';
import type { ResponseHead } from '../../http/types.js';

export interface Refusal {
  /** What was asked, e.g. "GET /konform-undocumented". */
  request: string;
  /** What is expected and why, e.g. "404 (RFC 9110 §15.5.5)". */
  expected: string;
  accepts: (status: number) => boolean;
  location?: FindingLocation;
  params?: Record<string, unknown>;
}

function refusalFindings(refusal: Refusal, response: ResponseHead): Finding[] {
  const { status } = response;
  if (refusal.accepts(status)) return [];
  const code = status >= 500 ? 'server-error' : status >= 200 && status < 300 ? 'request-accepted' : 'unexpected-status';
  const what = status >= 500 ? 'a server error' : status >= 200 && status < 300 ? 'success' : 'a status';
  return [
    {
      code,
      message: `${refusal.request} was answered with ${what} (${status}); expected ${refusal.expected}`,
      params: { status, expected: refusal.expected, ...refusal.params },
      severity: 'error',
      ...(refusal.location ? { location: refusal.location } : {}),
      exchange: response.exchangeId,
    },
  ];
}

const AUTHORIZATION_REFUSED = new Set([401, 403]);

/** 401 or 403: the server refused the caller before it judged the request. */
export function isAuthorizationRefusal(response: ResponseHead): boolean {
  return AUTHORIZATION_REFUSED.has(response.status);
}

export function refusalOutput(refusal: Refusal, response: ResponseHead): CheckOutput {
  if (isAuthorizationRefusal(response)) {
    const finding: Finding = {
      code: 'authorization-refused',
      message: `${refusal.request} was refused with ${response.status} before the server judged it; give credentials (--auth-*) to see how it treats the request`,
      params: { status: response.status, ...refusal.params },
      ...(refusal.location ? { location: refusal.location } : {}),
      exchange: response.exchangeId,
    };
    return { outcome: 'cantTell', findings: [finding], evidence: [response.exchangeId] };
  }
  const findings = refusalFindings(refusal, response);
  return { outcome: findings.length > 0 ? 'failed' : 'passed', findings, evidence: [response.exchangeId] };
}

export const statusListSchema = {
  type: 'array',
  items: { type: 'integer', minimum: 100, maximum: 599 },
  minItems: 1,
  uniqueItems: true,
} as const;
