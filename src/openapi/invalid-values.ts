/**
 * Invalid parameter values for negative checks: a value of the wrong type for an integer,
 * number or boolean parameter, or a string outside the parameter's `enum`. Only parameters
 * whose schema rules such a value out are used; required ones first, then optional ones.
 */
import { isJsonObject, resolveLocal } from './refs.js';
import type { JsonObject, Operation, ParameterSpec } from './types.js';

export type InvalidReason = 'wrongType' | 'outsideEnum';

export interface InvalidValue {
  parameter: ParameterSpec;
  value: unknown;
  reason: InvalidReason;
  /** What the document allows: a type name, or the enum values. */
  expected: string;
}

const WRONG_TYPE: Record<string, string> = {
  integer: 'not-a-number',
  number: 'not-a-number',
  boolean: 'not-a-boolean',
};

const SENT_AS_TEXT = new Set(['path', 'query', 'header', 'cookie']);

export function invalidParameterValue(document: JsonObject, operation: Operation): InvalidValue | undefined {
  const candidates = operation.parameters.filter((parameter) => SENT_AS_TEXT.has(parameter.in));
  const ordered = [...candidates.filter((p) => p.required), ...candidates.filter((p) => !p.required)];
  for (const parameter of ordered) {
    const invalid = invalidFor(document, parameter.schema);
    if (invalid) return { parameter, ...invalid };
  }
  return undefined;
}

function invalidFor(document: JsonObject, schema: unknown): Omit<InvalidValue, 'parameter'> | undefined {
  const resolved = resolveLocal(document, { value: schema, pointer: '' }).value;
  if (!isJsonObject(resolved)) return undefined;
  const type = singleType(resolved);
  if (type === 'array') {
    const item = invalidFor(document, resolved.items);
    return item && { ...item, value: [item.value] };
  }
  const wrong = type === undefined ? undefined : WRONG_TYPE[type];
  if (wrong !== undefined) return { value: wrong, reason: 'wrongType', expected: type as string };
  if (type === 'string' && Array.isArray(resolved.enum) && resolved.enum.length > 0) {
    return { value: outsideOf(resolved.enum), reason: 'outsideEnum', expected: resolved.enum.map(String).join(', ') };
  }
  return undefined;
}

/** The one type of a schema; `null` besides it is ignored, several types make none. */
function singleType(schema: JsonObject): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((type) => type !== 'null');
  return types.length === 1 && typeof types[0] === 'string' ? types[0] : undefined;
}

function outsideOf(values: unknown[]): string {
  let candidate = 'konform-not-in-enum';
  while (values.includes(candidate)) candidate += '-x';
  return candidate;
}
