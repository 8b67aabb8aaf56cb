/**
 * A value valid against a schema, for requests: the schema's own example, `default`, `const`
 * or first `enum` value, else one built from `type`, `format`, bounds and simple patterns.
 * `readOnly` properties are left out, as they are not sent in requests (OpenAPI 3.0.3 Schema Object, readOnly).
 */
import { sampleForPattern } from './pattern-sample.js';
import { isJsonObject, resolveLocal } from './refs.js';
import { childPointer } from '../core/json-pointer.js';
import type { DeclaredValue, JsonObject } from './types.js';

/** Recursive schemas end here. */
const MAX_DEPTH = 8;

const FORMAT_SAMPLES: Record<string, string> = {
  date: '2024-01-01',
  'date-time': '2024-01-01T00:00:00Z',
  time: '00:00:00Z',
  email: 'konform@example.org',
  uri: 'https://example.org/',
  url: 'https://example.org/',
  hostname: 'example.org',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
  byte: 'a29uZm9ybQ==',
};

/** Keywords whose value the schema gives as an instance, each with the pointer of its first value, in order of preference. */
const OWN_VALUES: ReadonlyArray<[keyword: string, inArray: boolean]> = [
  ['example', false],
  ['examples', true],
  ['default', false],
  ['const', false],
  ['enum', true],
];

/** The values a schema itself declares, in order of preference: example (3.0), examples (3.1), default, const, enum. */
export function declaredSchemaValues(schema: JsonObject, pointer: string): DeclaredValue[] {
  return OWN_VALUES.flatMap(([keyword, inArray]): DeclaredValue[] => {
    if (!Object.hasOwn(schema, keyword)) return [];
    const value = schema[keyword];
    if (!inArray) return [{ value, pointer: childPointer(pointer, keyword) }];
    return Array.isArray(value) && value.length > 0 ? [{ value: value[0], pointer: childPointer(pointer, keyword, 0) }] : [];
  });
}

/** A value built from the schema without the example, examples and default it declares at its top. */
export function generatedValue(document: JsonObject, schema: unknown): unknown {
  const resolved = resolveLocal(document, { value: schema, pointer: '' }).value;
  if (!isJsonObject(resolved)) return sampleFromSchema(document, resolved);
  const { example: _example, examples: _examples, default: _default, ...rest } = resolved;
  return sampleFromSchema(document, rest);
}

export function sampleFromSchema(document: JsonObject, schema: unknown, depth = 0): unknown {
  const located = resolveLocal(document, { value: schema, pointer: '' }).value;
  if (!isJsonObject(located) || depth > MAX_DEPTH) return undefined;
  const resolved = mergeAllOf(document, located);
  const [declared] = declaredSchemaValues(resolved, '');
  if (declared) return declared.value;
  const alternatives = [resolved.oneOf, resolved.anyOf].find(Array.isArray);
  if (alternatives && resolved.type === undefined && resolved.properties === undefined) {
    return sampleFromSchema(document, alternatives[0], depth + 1);
  }
  switch (typeOf(resolved)) {
    case 'integer':
    case 'number':
      return sampleNumber(resolved);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return Array.from({ length: Math.max(1, Number(resolved.minItems ?? 1)) }, () =>
        sampleFromSchema(document, resolved.items, depth + 1),
      );
    case 'object':
      return sampleObject(document, resolved, depth);
    default:
      return sampleString(resolved);
  }
}

function typeOf(schema: JsonObject): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (typeof schema.type === 'string') return schema.type;
  return schema.properties !== undefined ? 'object' : schema.items !== undefined ? 'array' : undefined;
}

/** The smallest allowed value from 1 up; exclusive bounds in draft 4 (boolean) and 2020-12 (number) form. */
function sampleNumber(schema: JsonObject): number {
  const step = schema.type === 'integer' ? 1 : 0.5;
  const lower = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + step : undefined;
  const minimum = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? step : 0) : lower;
  const upper = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - step : undefined;
  const maximum = typeof schema.maximum === 'number' ? schema.maximum - (schema.exclusiveMaximum === true ? step : 0) : upper;
  let value = minimum ?? (maximum !== undefined && maximum < 1 ? maximum : 1);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) value = Math.ceil(value / schema.multipleOf) * schema.multipleOf;
  return value;
}

function sampleString(schema: JsonObject): string {
  const fromPattern = typeof schema.pattern === 'string' ? sampleForPattern(schema.pattern) : undefined;
  const base = fromPattern ?? FORMAT_SAMPLES[String(schema.format)] ?? 'konform';
  const minLength = Number(schema.minLength ?? 0);
  const maxLength = Number(schema.maxLength ?? Infinity);
  return base.padEnd(minLength, 'x').slice(0, maxLength);
}

function sampleObject(document: JsonObject, schema: JsonObject, depth: number): JsonObject {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const sample: JsonObject = {};
  for (const name of required) {
    if (typeof name !== 'string') continue;
    const property = resolveLocal(document, { value: properties[name], pointer: '' }).value;
    if (isJsonObject(property) && property.readOnly === true) continue;
    sample[name] = sampleFromSchema(document, property ?? {}, depth + 1);
  }
  return sample;
}

/** `allOf` members together: their keywords, properties and required names in one schema. */
function mergeAllOf(document: JsonObject, schema: JsonObject): JsonObject {
  if (!Array.isArray(schema.allOf)) return schema;
  const members = schema.allOf
    .map((member) => resolveLocal(document, { value: member, pointer: '' }).value)
    .filter(isJsonObject)
    .map((member) => mergeAllOf(document, member));
  const parts = [...members, schema];
  const merged: JsonObject = Object.assign({}, ...parts);
  delete merged.allOf;
  merged.properties = Object.assign({}, ...parts.map((part) => (isJsonObject(part.properties) ? part.properties : {})));
  merged.required = parts.flatMap((part) => (Array.isArray(part.required) ? part.required : []));
  return merged;
}
