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
  // The tokens of the place visited, and the pointers of its ancestors as far as a root asked
  // for them: a pointer is written for the roots and their parents, not for every node.
  const path: Array<string | number> = [];
  const prefixes = [''];
  const pointerTo = (...last: Array<string | number>) => {
    for (let depth = prefixes.length; depth <= path.length; depth += 1) prefixes.push(childPointer(prefixes[depth - 1] as string, path[depth - 1] as string | number));
    return childPointer(prefixes[path.length] as string, ...last);
  };
  const addAll = (container: unknown, key: string): void => {
    if (!isJsonObject(container)) return;
    for (const name in container) roots.set(pointerTo(key, name), container[name]);
  };
  const visitChild = (child: unknown, key: string | number, named: boolean): void => {
    path.push(key);
    visit(child, named);
    path.pop();
    if (prefixes.length > path.length + 1) prefixes.length = path.length + 1;
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
