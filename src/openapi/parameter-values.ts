/**
 * The value konform sends for a parameter, in order of preference: a value the user gives
 * (given-values.ts), the parameter's `example`,
 * its `examples` entries, the schema's example, examples, default, const, first `enum` value —
 * the first valid against the parameter's schema (value-check.ts) — and else, for a required
 * parameter or one whose declared values were all invalid, a value built from the schema. An
 * optional parameter is sent only when the document gives a value for it, and not when that
 * value is empty ("no filter").
 */
import { givenValue, type GivenValues } from './given-values.js';
import { isJsonObject, resolveLocal } from './refs.js';
import { declaredSchemaValues, generatedValue } from './schema-sample.js';
import type { JsonObject, ParameterSpec } from './types.js';
import { firstValid, type RejectedValue, type ValueCheck } from './value-check.js';

export interface ParameterChoice {
  /** `madeUp`: built from the schema, neither given nor declared. */
  chosen: { value: unknown; madeUp?: true } | undefined;
  /** Declared values passed over as invalid. */
  rejected: RejectedValue[];
}

export function parameterValue(document: JsonObject, parameter: ParameterSpec, check: ValueCheck, given?: GivenValues): ParameterChoice {
  const fromUser = givenValue(parameter, given);
  if (fromUser) return { chosen: fromUser, rejected: [] };
  const schema = resolveLocal(document, { value: parameter.schema, pointer: parameter.schemaPointer ?? parameter.pointer });
  const ownValues = isJsonObject(schema.value) ? declaredSchemaValues(schema.value, schema.pointer) : [];
  const { valid, rejected } = firstValid([...parameter.examples, ...ownValues], parameter.schemaPointer, check);
  if (valid) return { chosen: parameter.required || !isEmpty(valid.value) ? { value: valid.value } : undefined, rejected };
  const wanted = parameter.required || rejected.length > 0;
  return { chosen: wanted ? { value: generatedValue(document, parameter.schema ?? {}), madeUp: true } : undefined, rejected };
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}
