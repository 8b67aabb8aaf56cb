/**
 * Whether a status code is documented (OpenAPI 3 Responses Object): by the exact code,
 * then by a range such as `4XX`, then by `default`.
 */
import type { Finding } from '../model/types.js';
import type { ResponseHead } from '../http/types.js';
import { childPointer } from '../core/json-pointer.js';
import { problem } from './response-check.js';
import type { Operation, ResponseSpec } from './types.js';

export function documentedResponse(operation: Operation, status: number): ResponseSpec | undefined {
  const exact = String(status);
  const range = `${exact[0]}XX`;
  return (
    operation.responses.find((response) => response.status === exact) ??
    operation.responses.find((response) => response.status.toUpperCase() === range) ??
    operation.responses.find((response) => response.status === 'default')
  );
}

export function checkStatusDocumented(operation: Operation, response: ResponseHead): Finding[] {
  if (documentedResponse(operation, response.status)) return [];
  const documented = operation.responses.map((candidate) => candidate.status);
  return [
    problem(operation, response, {
      code: 'status-undocumented',
      message: `${operation.method} ${operation.path} answered ${response.status}, which the document does not describe (it describes ${documented.join(', ') || 'no status'})`,
      params: { status: response.status, documented },
      specPointer: childPointer(operation.pointer, 'responses'),
    }),
  ];
}
