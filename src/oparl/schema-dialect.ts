/**
 * OParl's schema dialect (schema/*.json of OParl 1.1.1 and 1.0.7) as JSON Schema 2020-12 for Ajv:
 *  - `"schema": "X.json"` (1.1) and `"$ref": "X.json"` (1.0) embed an object of type X: a `$ref`
 *    to the converted schema of X;
 *  - 1.0 declares LegislativeTerm, Membership, AgendaItem and Consultation inline, as `items` with
 *    a `title`: each becomes a schema of its own, referred to like the others;
 *  - `"format": "url"`, `date` and `date-time` become konform's OParl formats (formats.ts);
 *  - the custom keywords `references`, `backreference`, `cardinality` (1.1) and `oparl:ref`,
 *    `oparl:backref`, `oparl:cardinality` (1.0) are dropped: konform reads them itself
 *    (relations.ts); so are `title` and `description` (1.1's are `{{ … }}` placeholders).
 * Property names are never taken for keywords (Person has a property `title`).
 */
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';

const DROPPED = new Set([
  'title',
  'description',
  'references',
  'backreference',
  'cardinality',
  'oparl:ref',
  'oparl:backref',
  'oparl:cardinality',
]);

export const OPARL_FORMATS: Readonly<Record<string, string>> = {
  url: 'oparl-url',
  date: 'oparl-date',
  'date-time': 'oparl-date-time',
};

/** The `$id` under which the converted schema of a type is registered with Ajv. */
export function schemaId(version: string, type: string): string {
  return `https://konform.dev/oparl/${version}/${type}.json`;
}

/** The object type an embedding keyword names: `Location.json` → `Location`. */
export function embeddedTypeName(value: unknown): string | undefined {
  return typeof value === 'string' && value.endsWith('.json') ? value.slice(0, -'.json'.length) : undefined;
}

/** An inline object schema with a title (1.0), which declares an object type of its own. */
export function inlineTypeName(schema: JsonObject): string | undefined {
  return typeof schema.title === 'string' && isJsonObject(schema.properties) ? schema.title : undefined;
}

/**
 * Converts the schema files of one OParl version, keyed by type (the file name without
 * `.json`), into JSON Schemas keyed by type, inline types (1.0) included.
 */
export function convertOParlSchemas(version: string, files: ReadonlyMap<string, JsonObject>): Map<string, JsonObject> {
  const converted = new Map<string, JsonObject>();
  const convert = (schema: JsonObject, root: boolean): JsonObject => {
    const inline = root ? undefined : inlineTypeName(schema);
    if (inline) {
      converted.set(inline, { $id: schemaId(version, inline), ...convert(schema, true) });
      return { $ref: schemaId(version, inline) };
    }
    const result: JsonObject = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (DROPPED.has(keyword)) continue;
      if ((keyword === 'schema' || keyword === '$ref') && embeddedTypeName(value)) {
        result.$ref = schemaId(version, embeddedTypeName(value) as string);
      } else if (keyword === 'properties' && isJsonObject(value)) {
        result.properties = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [name, isJsonObject(property) ? convert(property, false) : property]),
        );
      } else if (keyword === 'items' && isJsonObject(value)) {
        result.items = convert(value, false);
      } else if (keyword === 'format' && typeof value === 'string') {
        result.format = OPARL_FORMATS[value] ?? value;
      } else {
        result[keyword] = value;
      }
    }
    return result;
  };
  for (const [type, schema] of files) converted.set(type, { $id: schemaId(version, type), ...convert(schema, true) });
  return converted;
}
