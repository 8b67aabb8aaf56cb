/**
 * The API definition a server serves at its `service-desc` link, loaded as konform loads a
 * declared OpenAPI document (src/openapi/document.ts: OpenAPI schema, references, every Schema
 * Object compiled), after its references were sorted by ref-catalog.ts. It is read from a name in
 * the pinned building blocks' folder, so that the references made relative there resolve to the
 * pinned files; no other file and no URL is read.
 */
import { join } from 'node:path';
import { isKonformError } from '../model/errors.js';
import { documentFromSource, type OpenApiDocument } from '../openapi/document.js';
import { fragmentPointer, valueAt } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import { catalogRefs, type UnresolvedRef } from './ref-catalog.js';

export type ServedDefinition =
  | { loaded: true; document: OpenApiDocument; pinned: string[]; unresolved: UnresolvedRef[] }
  | { loaded: false; problem: string; pointer?: string; pinned: string[]; unresolved: UnresolvedRef[] };

/** Loads the served definition; `pinnedFiles` are the building blocks' paths relative to `openapi/`. */
export async function loadServedDefinition(
  served: JsonObject,
  standardDir: string,
  pinnedFiles: ReadonlySet<string>,
): Promise<ServedDefinition> {
  const { data, pinned, unresolved } = catalogRefs(served, pinnedFiles);
  const blocking = unresolved.find((ref) => !ref.inSchema);
  if (blocking) {
    const problem = `the reference ${blocking.ref} is not local and konform does not fetch references, so the definition cannot be resolved`;
    return { loaded: false, problem, pointer: blocking.pointer, pinned, unresolved };
  }
  const file = join(standardDir, 'openapi', 'served-api-definition.json');
  try {
    const document = await documentFromSource(file, Buffer.from(JSON.stringify(data)));
    document.schemas.compileAll();
    return { loaded: true, document, pinned, unresolved };
  } catch (error) {
    if (!isKonformError(error)) throw error;
    return { loaded: false, problem: error.message, pointer: error.location?.pointer ?? '', pinned, unresolved };
  }
}

/** Whether the schema at `pointer` reaches (through local `$ref`s) a schema that was not resolved. */
export function reachesUnresolved(document: JsonObject, pointer: string, unresolved: readonly UnresolvedRef[]): boolean {
  const spots = unresolved.filter((ref) => ref.inSchema).map((ref) => ref.pointer);
  if (spots.length === 0) return false;
  const seen = new Set<string>();
  const visit = (at: string): boolean => {
    if (seen.has(at)) return false;
    seen.add(at);
    if (spots.some((spot) => at === spot || at.startsWith(`${spot}/`) || spot.startsWith(`${at}/`))) return true;
    const value = valueAt(document, at);
    const refs: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (isJsonObject(node)) {
        if (typeof node.$ref === 'string') refs.push(node.$ref);
        Object.values(node).forEach(collect);
      }
    };
    collect(value);
    return refs.some((ref) => {
      const target = fragmentPointer(ref);
      return target !== undefined && visit(target);
    });
  };
  return visit(pointer);
}
