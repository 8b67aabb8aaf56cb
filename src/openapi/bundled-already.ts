/**
 * Whether bundling (json-schema-ref-parser's `bundle`, as swagger-parser runs it) would leave a
 * document as it is, so that it need not run: every `$ref` is local (`#…`), written as the
 * bundler writes it (no percent-encoding, which it decodes; no tab or line break, which URL
 * parsing drops), and points straight at a value that is no `$ref` itself, through none (a
 * `$ref` to a `$ref`, or through one, it rewrites to the end of the chain); and no `$id` gives
 * a part of it a base URI of its own. The bundler compares each `$ref` it meets with every
 * one before it, which takes seconds for a document of ten thousand operations.
 */
import { pointerTokens } from '../core/json-pointer.js';
import { isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

function isRef(value: unknown): boolean {
  return isJsonObject(value) && typeof value.$ref === 'string';
}

/** Whether the bundler leaves the `$ref` as it is. */
export function keptAsWritten(document: JsonObject, ref: string): boolean {
  if (!ref.startsWith('#')) return false;
  // Other fragments (anchors) the bundler does not follow.
  if (ref !== '#' && !ref.startsWith('#/')) return true;
  if (/[%\t\n\r]/.test(ref)) return false;
  let current: unknown = document;
  for (const token of pointerTokens(ref.slice(1))) {
    if (!isJsonObject(current) && !Array.isArray(current)) return false;
    if (isRef(current) || !Object.hasOwn(current, token)) return false;
    current = (current as Record<string, unknown>)[token];
  }
  return !isRef(current);
}

export function bundledAlready(document: JsonObject): boolean {
  const pending: unknown[] = [document];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next !== 'object' || next === null) continue;
    if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
      continue;
    }
    const { $ref, $id } = next as Record<string, unknown>;
    if ($id !== undefined) return false;
    if (typeof $ref === 'string' && $ref !== '' && !keptAsWritten(document, $ref)) return false;
    for (const key in next) pending.push((next as Record<string, unknown>)[key]);
  }
  return true;
}
