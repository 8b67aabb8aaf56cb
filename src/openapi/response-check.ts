/**
 * What the response helpers return: either nothing to check (and why), or the findings of the
 * check (none when the response matches the document). Each finding names the operation, the
 * JSON pointer into the document, the JSON pointer into the body where it applies, and the
 * exchange it was observed in.
 */
import type { Finding } from '../model/types.js';
import type { FindingCode } from '../model/finding-codes.js';
import type { ResponseHead } from '../http/types.js';
import type { Operation } from './types.js';

export type ResponseCheck = { applicable: false; reason: string } | { applicable: true; findings: Finding[] };

export function notApplicable(reason: string): ResponseCheck {
  return { applicable: false, reason };
}

export function checked(findings: Finding[]): ResponseCheck {
  return { applicable: true, findings };
}

export interface ProblemDetails {
  code: FindingCode;
  message: string;
  params?: Record<string, unknown>;
  specPointer?: string;
  bodyPointer?: string;
}

export function problem(operation: Operation, response: ResponseHead, details: ProblemDetails): Finding {
  const { code, message, params, specPointer, bodyPointer } = details;
  return {
    code,
    message,
    severity: 'error',
    ...(params ? { params } : {}),
    location: {
      operation: operation.key,
      ...(specPointer !== undefined ? { specPointer } : {}),
      ...(bodyPointer !== undefined ? { bodyPointer } : {}),
    },
    exchange: response.exchangeId,
  };
}

/** A header's value as one string; repeated fields are combined with commas (RFC 9110 §5.3). */
export function headerValue(response: ResponseHead, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}
