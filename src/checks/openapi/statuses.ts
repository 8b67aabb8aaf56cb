/**
 * Judging the status of an answer to a request the server should refuse: the accepted
 * statuses pass; success and server errors fail, and so does any other status, with a
 * finding that says what was expected.
 */
import type { CheckOutput, Finding, FindingLocation } from '../../core/model.js';
import type { HttpResponse } from '../../http/types.js';

export interface Refusal {
  /** What was asked, e.g. "GET /konform-undocumented". */
  request: string;
  /** What is expected and why, e.g. "404 (RFC 9110 §15.5.5)". */
  expected: string;
  accepts: (status: number) => boolean;
  location?: FindingLocation;
  params?: Record<string, unknown>;
}

export function refusalFindings(refusal: Refusal, response: HttpResponse): Finding[] {
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

export function refusalOutput(refusal: Refusal, response: HttpResponse): CheckOutput {
  const findings = refusalFindings(refusal, response);
  return { outcome: findings.length > 0 ? 'failed' : 'passed', findings, evidence: [response.exchangeId] };
}

export const statusListSchema = {
  type: 'array',
  items: { type: 'integer', minimum: 100, maximum: 599 },
  minItems: 1,
  uniqueItems: true,
} as const;
