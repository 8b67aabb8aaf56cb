/**
 * The API definition a server serves at its `service-desc` link, loaded as konform loads a
 * declared OpenAPI document (src/openapi/document.ts: OpenAPI schema, references, every Schema
 * Object compiled), after the documents its references lead to on the hosts given with
 * `--allow-ref-host` were fetched (remote-refs.ts) and its references sorted (ref-catalog.ts). It
 * is read from a name in the pinned building blocks' folder, so that the references made
 * relative there resolve to the pinned files; no other file is read.
 */
import { join } from 'node:path';
import { isKonformError } from '../model/errors.js';
import type { FetchedDocument } from '../model/report.js';
import { documentFromSource, type OpenApiDocument } from '../openapi/document.js';
import { fragmentPointer, valueAt } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import { catalogRefs, placeOfPointer, type UnresolvedRef } from './ref-catalog.js';
import { fetchRefs, type RefFetcher } from './remote-refs.js';

interface Resolution {
  pinned: string[];
  unresolved: UnresolvedRef[];
  /** The documents fetched for references, read or not. */
  fetched: FetchedDocument[];
}

export type ServedDefinition =
  | ({ loaded: true; document: OpenApiDocument } & Resolution)
  | ({
      loaded: false;
      problem: string;
      /** Where the problem lies in the loaded definition, and, where that is in a fetched document, which and where there. */
      pointer?: string;
      source?: { url: string; pointer: string };
    } & Resolution);

export interface DefinitionSource {
  /** The standard's folder; its `openapi/` holds the building blocks. */
  standardDir: string;
  /** The building blocks' paths relative to `openapi/`. */
  pinnedFiles: ReadonlySet<string>;
  /** The URL the definition was served at, against which its relative references resolve. */
  url?: string;
  /** Fetches the documents of references on the hosts given with `--allow-ref-host`; without it, none is fetched. */
  fetcher?: RefFetcher;
}

export async function loadServedDefinition(served: JsonObject, source: DefinitionSource): Promise<ServedDefinition> {
  const definition = { data: served, url: source.url };
  const remote = await fetchRefs(definition, source.pinnedFiles, source.fetcher);
  const { data, pinned, unresolved } = catalogRefs([definition, ...remote.documents], source.pinnedFiles, remote.outcomes);
  const resolution = { pinned, unresolved, fetched: remote.received };
  const blocking = unresolved.find((ref) => !ref.inSchema);
  if (blocking) {
    const problem = `the reference ${blocking.ref} is not resolved, so the definition cannot be`;
    return { loaded: false, problem, pointer: blocking.pointer, ...resolution };
  }
  const file = join(source.standardDir, 'openapi', 'served-api-definition.json');
  try {
    const document = await documentFromSource(file, Buffer.from(JSON.stringify(data)));
    document.schemas.compileAll();
    return { loaded: true, document, ...resolution };
  } catch (error) {
    if (!isKonformError(error)) throw error;
    return { loaded: false, problem: error.message, ...placeOfPointer(error.location?.pointer ?? '', remote.documents), ...resolution };
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
