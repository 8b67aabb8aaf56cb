/**
 * Converts a Swagger 2.0 / OpenAPI 3.0 Schema Object to JSON Schema 2020-12 for Ajv2020.
 * konform validates responses only, so the conversion gives the response semantics of
 * `writeOnly`. OpenAPI 3.1 Schema Objects are JSON Schema 2020-12 already and are not converted.
 */
import { resolveLocal, isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

/** Annotations of OpenAPI that are no JSON Schema keywords (OpenAPI 3.0.3 Schema Object, Fixed Fields). */
const OPENAPI_ONLY = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs']);

const SCHEMA_MAPS = ['properties', 'patternProperties'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SINGLE_SCHEMAS = ['additionalProperties', 'not', 'items'];

/** What becomes of each `$ref` of a converted schema: as written, unless a caller rewrites it. */
export type RefRewrite = (ref: string) => string;

const asWritten: RefRewrite = (ref) => ref;

export function toJsonSchema2020(schema: unknown, document: JsonObject, rewriteRef: RefRewrite = asWritten): unknown {
  if (!isJsonObject(schema)) return schema;
  // A Reference Object's siblings are ignored (OpenAPI 3.0.3 Reference Object; Swagger 2.0 Reference Object).
  if (typeof schema.$ref === 'string') return { $ref: rewriteRef(schema.$ref) };
  const convert = (value: unknown) => toJsonSchema2020(value, document, rewriteRef);
  const converted: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.includes(key) && isJsonObject(value)) converted[key] = mapValues(value, convert);
    else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) converted[key] = value.map(convert);
    else if (SINGLE_SCHEMAS.includes(key)) converted[key] = Array.isArray(value) ? value.map(convert) : convert(value);
    else converted[key] = value;
  }
  moveTupleItems(converted);
  convertExclusiveBounds(converted);
  // Swagger 2.0 §Schema Object: `type: file` describes a file download; any body matches it.
  if (converted.type === 'file') delete converted.type;
  // OpenAPI 3.0.3 Schema Object, nullable: `nullable: true` adds "null" to the types given by `type`.
  if (schema.nullable === true && typeof converted.type === 'string') converted.type = [converted.type, 'null'];
  dropWriteOnlyRequirements(converted, schema.properties, document);
  return converted;
}

function mapValues(schemas: JsonObject, convert: (schema: unknown) => unknown): JsonObject {
  return Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, convert(s)]));
}

/** A Swagger 2.0 (draft 4) tuple, `items: [..]`, is `prefixItems` in 2020-12. */
function moveTupleItems(schema: JsonObject): void {
  if (!Array.isArray(schema.items)) return;
  schema.prefixItems = schema.items;
  delete schema.items;
}

/** Draft 4 boolean `exclusiveMinimum`/`exclusiveMaximum` modify `minimum`/`maximum`. */
function convertExclusiveBounds(schema: JsonObject): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof schema[exclusive] !== 'boolean') continue;
    if (schema[exclusive] === true && typeof schema[bound] === 'number') {
      schema[exclusive] = schema[bound];
      delete schema[bound];
    } else {
      delete schema[exclusive];
    }
  }
}

/**
 * OpenAPI 3.0.3 Schema Object, writeOnly: a required write-only property is required in requests
 * only. `properties` are the schema's as written, their `$ref`s not rewritten.
 */
function dropWriteOnlyRequirements(schema: JsonObject, properties: unknown, document: JsonObject): void {
  const { required } = schema;
  if (!Array.isArray(required) || !isJsonObject(properties)) return;
  const isWriteOnly = (name: unknown): boolean => {
    if (typeof name !== 'string' || !Object.hasOwn(properties, name)) return false;
    const property = resolveLocal(document, { value: properties[name], pointer: '' }).value;
    return isJsonObject(property) && property.writeOnly === true;
  };
  const kept = required.filter((name) => !isWriteOnly(name));
  if (kept.length === required.length) return;
  if (kept.length > 0) schema.required = kept;
  else delete schema.required;
}
