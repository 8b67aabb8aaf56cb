/**
 * Local `$ref`s of the bundled document (every external one was bundled in on loading).
 * In OpenAPI 2.0 and 3.0 a Reference Object stands for the object it points to, and its
 * siblings are ignored (OpenAPI 3.0.3 Reference Object).
 */
import { childPointer, fragmentPointer, valueAt } from '../core/json-pointer.js';
import type { JsonObject } from './types.js';

export interface Located<T = unknown> {
  value: T;
  pointer: string;
}

/** Long enough for any real chain; stops a `$ref` cycle. */
const MAX_REF_HOPS = 64;

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function refOf(value: unknown): string | undefined {
  return isJsonObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}

/** Follows `$ref` chains from `pointer` to the object they end at; unresolvable refs stay as they are. */
export function resolveLocal(root: unknown, located: Located): Located {
  let current = located;
  for (let hop = 0; hop < MAX_REF_HOPS; hop += 1) {
    const ref = refOf(current.value);
    const target = ref === undefined ? undefined : fragmentPointer(ref);
    if (target === undefined) return current;
    const value = valueAt(root, target);
    if (value === undefined) return current;
    current = { value, pointer: target };
  }
  return current;
}

/** The object at `pointer`, with refs followed, when it is an object. */
export function objectAt(root: unknown, pointer: string): Located<JsonObject> | undefined {
  const located = resolveLocal(root, { value: valueAt(root, pointer), pointer });
  return isJsonObject(located.value) ? { value: located.value, pointer: located.pointer } : undefined;
}

/**
 * As objectAt for the pointer of `keys` below `parent`, read from `parent` rather than from the
 * root: listing ten thousand operations looks up some hundred thousand of them.
 */
export function objectUnder(root: unknown, parent: Located<JsonObject>, ...keys: Array<string | number>): Located<JsonObject> | undefined {
  let value: unknown = parent.value;
  for (const key of keys) {
    value = value !== null && typeof value === 'object' && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  const located = resolveLocal(root, { value, pointer: childPointer(parent.pointer, ...keys) });
  return isJsonObject(located.value) ? { value: located.value, pointer: located.pointer } : undefined;
}
