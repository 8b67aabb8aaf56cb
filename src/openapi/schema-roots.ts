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
  // The tokens of the place visited: a pointer is written only for a root, not for each of the document's nodes.
  const path: Array<string | number> = [];
  const pointerTo = (...last: Array<string | number>) => childPointer('', ...path, ...last);
  const addAll = (container: unknown, key: string): void => {
    if (!isJsonObject(container)) return;
    for (const name in container) roots.set(pointerTo(key, name), container[name]);
  };
  const visitChild = (child: unknown, key: string | number, named: boolean): void => {
    path.push(key);
    visit(child, named);
    path.pop();
  };
  const visit = (value: unknown, named: boolean): void => {
    if (Array.isArray(value)) value.forEach((item, index) => visitChild(item, index, false));
    if (!isJsonObject(value)) return;
    for (const key in value) {
      const child = value[key];
      // A value that is no object holds no schema, unless it is a boolean schema.
      if ((child === null || typeof child !== 'object') && typeof child !== 'boolean') continue;
      if (named) visitChild(child, key, false);
      else if (key === 'schema' && (isJsonObject(child) || typeof child === 'boolean')) roots.set(pointerTo(key), child);
      else if (key === 'schemas' && path.length === 1 && path[0] === 'components') addAll(child, key);
      else if (key === 'definitions' && path.length === 0) addAll(child, key);
      else if (!DATA_FIELDS.has(key) && !key.startsWith('x-')) visitChild(child, key, NAMED_MAPS.has(key));
    }
  };
  visit(document, false);
  return roots;
}
