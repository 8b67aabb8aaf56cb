/**
 * Every place the document holds a Schema Object at the top of a schema tree: the `schema` field
 * of Parameter, Media Type, Header and (Swagger 2.0) Response Objects, `components/schemas/*`
 * (OpenAPI 3) and `definitions/*` (Swagger 2.0). Subschemas are reached from these by the
 * validator. Examples and `x-` extensions hold data, not schemas, and are not searched.
 */
import { childPointer } from '../core/json-pointer.js';
import { isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

/** Fields whose keys are names chosen by the author (so a key `schema` there is a name). */
const NAMED_MAPS = new Set([
  'paths',
  'webhooks',
  'responses',
  'parameters',
  'requestBodies',
  'headers',
  'content',
  'encoding',
  'callbacks',
  'links',
  'pathItems',
  'securitySchemes',
  'securityDefinitions',
  'variables',
]);

const DATA_FIELDS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** The schema at each root, by the root's pointer, in document order. */
export function schemaRoots(document: JsonObject): Map<string, unknown> {
  const roots = new Map<string, unknown>();
  const addAll = (container: unknown, pointer: string): void => {
    if (!isJsonObject(container)) return;
    for (const [name, schema] of Object.entries(container)) roots.set(childPointer(pointer, name), schema);
  };
  const visit = (value: unknown, pointer: string, named: boolean): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, childPointer(pointer, index), false));
    if (!isJsonObject(value)) return;
    for (const key in value) {
      const child = value[key];
      // A value that is no object holds no schema, unless it is a boolean schema.
      if ((child === null || typeof child !== 'object') && typeof child !== 'boolean') continue;
      const at = childPointer(pointer, key);
      if (named) visit(child, at, false);
      else if (key === 'schema' && (isJsonObject(child) || typeof child === 'boolean')) roots.set(at, child);
      else if (pointer === '/components' && key === 'schemas') addAll(child, at);
      else if (pointer === '' && key === 'definitions') addAll(child, at);
      else if (!DATA_FIELDS.has(key) && !key.startsWith('x-')) visit(child, at, NAMED_MAPS.has(key));
    }
  };
  visit(document, '', false);
  return roots;
}
