/**
 * The value konform sends for a parameter, in order of preference: the parameter's `example`,
 * its first `examples` entry, the schema's example, `default`, first `enum` value, and only
 * for a required parameter a value built from the schema. An optional parameter is sent only
 * when the document gives a value for it, and not when that value is empty ("no filter").
 */
import { isJsonObject, resolveLocal } from './refs.js';
import { declaredSchemaValue, sampleFromSchema } from './schema-sample.js';
import type { JsonObject, ParameterSpec } from './types.js';

export function parameterValue(document: JsonObject, parameter: ParameterSpec): { value: unknown } | undefined {
  const declared = declaredValue(document, parameter);
  if (!parameter.required) return declared && !isEmpty(declared.value) ? declared : undefined;
  return declared ?? { value: sampleFromSchema(document, parameter.schema ?? {}) };
}

function declaredValue(document: JsonObject, parameter: ParameterSpec): { value: unknown } | undefined {
  if (parameter.examples.length > 0) return { value: parameter.examples[0] };
  const schema = resolveLocal(document, { value: parameter.schema, pointer: '' }).value;
  return isJsonObject(schema) ? declaredSchemaValue(schema) : undefined;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}
