/**
 * The values konform takes from the document for a request (examples, defaults) are sent only
 * where they are valid against their schema: an example is not normative (OpenAPI 3.1.1
 * Parameter Object, Example Object: it SHOULD match the schema), and an invalid one would test
 * the refusal of invalid input instead of the documented operation.
 */
import type { SchemaRegistry } from './schemas.js';
import type { DeclaredValue } from './types.js';

/** What is wrong with `value` as an instance of the schema at `schemaPointer`; undefined when it is valid. */
export type ValueCheck = (value: unknown, schemaPointer: string) => string | undefined;

export interface RejectedValue extends DeclaredValue {
  schemaPointer: string;
  problem: string;
}

/** Accepts every value: for callers without compiled schemas. */
export const acceptEveryValue: ValueCheck = () => undefined;

/** Checks values with the document's compiled schemas. */
export function schemaValueCheck(schemas: SchemaRegistry): ValueCheck {
  return (value, schemaPointer) => {
    const validate = schemas.validator(schemaPointer);
    if (validate(value)) return undefined;
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(value)'} ${error.message ?? error.keyword}`).join('; ');
  };
}

/** The first of `candidates` valid against the schema at `schemaPointer` (any, without a schema), and those rejected before it. */
export function firstValid(
  candidates: readonly DeclaredValue[],
  schemaPointer: string | undefined,
  check: ValueCheck,
): { valid: DeclaredValue | undefined; rejected: RejectedValue[] } {
  const rejected: RejectedValue[] = [];
  for (const candidate of candidates) {
    const problem = schemaPointer === undefined ? undefined : check(candidate.value, schemaPointer);
    if (problem === undefined) return { valid: candidate, rejected };
    rejected.push({ ...candidate, schemaPointer: schemaPointer as string, problem });
  }
  return { valid: undefined, rejected };
}
