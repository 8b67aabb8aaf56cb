/**
 * The references an API definition makes, sorted before it is loaded. A reference into the
 * standard's own building blocks at their official location
 * (http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/, as OGC 17-069r4 §7 names them)
 * is resolved from the pinned copy, as an XML catalog maps a schema location. A reference to a
 * document konform fetched (remote-refs.ts: only from the hosts given with `--allow-ref-host`)
 * points into that document, placed in the definition under `x-konform-fetched` (a
 * specification extension, OpenAPI 3.0.3 "Specification Extensions"). Any other reference that
 * is not local (`#/...`) is unresolved: where it stands for a schema it is replaced by the empty
 * schema and remembered, so that what depends on it is reported as undecided.
 */
import { childPointer, pointerTokens } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';

const OFFICIAL_LOCATIONS = [
  'http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/',
  'https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/',
];

/** The member of the loaded definition that holds the fetched documents, in the order they were found. */
export const FETCHED_MEMBER = 'x-konform-fetched';

/** Why a reference was not resolved. */
export type UnresolvedReason =
  /** Its document lies on a host not given with `--allow-ref-host` (`host` undefined: no http(s) URL at all). */
  | { kind: 'host-not-listed'; host?: string }
  /** Its document was asked for and could not be had or read. */
  | { kind: 'unreadable'; url: string; problem: string }
  /** Its document lies beyond the bound on documents fetched for one definition. */
  | { kind: 'over-bound'; url: string; bound: string };

export interface UnresolvedRef {
  /** Pointer of the Reference Object in the loaded definition. */
  pointer: string;
  ref: string;
  /** Whether it stands where a Schema Object stands (and was replaced by the empty schema). */
  inSchema: boolean;
  reason: UnresolvedReason;
  /** The fetched document it is written in, and its pointer there; absent for the definition itself. */
  source?: { url: string; pointer: string };
}

/** What became of the document a reference names (its URL without fragment). */
export type DocumentOutcome = { fetched: true; index: number } | { fetched: false; reason: UnresolvedReason };

/** A document whose references are rewritten: the served definition, or a fetched one. */
export interface SourceDocument {
  data: JsonObject;
  /** Its URL, against which relative references resolve (after redirects); undefined where none is known. */
  url: string | undefined;
  /** Its place among the fetched documents (under `x-konform-fetched`) and the URL konform asked for it at; absent for the definition itself. */
  fetched?: { index: number; asked: string };
}

export interface CatalogedDefinition {
  /** The definition with pinned references made relative to the building blocks' folder and the fetched documents placed in it. */
  data: JsonObject;
  /** References resolved from the pinned building blocks, as written. */
  pinned: string[];
  unresolved: UnresolvedRef[];
}

const SCHEMA_FIELDS = new Set(['schema', 'items', 'additionalProperties', 'not']);
const SCHEMA_CONTAINERS = new Set(['properties', 'patternProperties', 'allOf', 'anyOf', 'oneOf']);

/** Whether `pointer` (into its own document) is where a Schema Object stands. */
function inSchemaPosition(pointer: string): boolean {
  const tokens = pointerTokens(pointer);
  const [parent, grandParent] = [tokens.at(-1), tokens.at(-2)];
  if (pointer.startsWith('/components/schemas/')) return true;
  return (parent !== undefined && SCHEMA_FIELDS.has(parent)) || (grandParent !== undefined && SCHEMA_CONTAINERS.has(grandParent));
}

/** The absolute URL a non-local reference names, resolved against its document's URL (RFC 3986 §5); undefined when it names none. */
export function absoluteRef(ref: string, base: string | undefined): URL | undefined {
  try {
    return new URL(ref, base);
  } catch {
    return undefined;
  }
}

/** A URL without its fragment: the document it names. */
export const documentUrl = (url: URL): string => url.href.split('#')[0] as string;

/** `url` as a path relative to the pinned building blocks' folder, when it points into them. */
function pinnedTarget(url: URL, pinnedFiles: ReadonlySet<string>): string | undefined {
  const location = OFFICIAL_LOCATIONS.find((prefix) => url.href.startsWith(prefix));
  if (!location) return undefined;
  const relative = url.href.slice(location.length);
  return pinnedFiles.has(relative.split('#')[0] ?? '') ? relative : undefined;
}

/** Every non-local reference of a document, resolved against its URL, that the pinned building blocks do not hold. */
export function remoteRefs(document: SourceDocument, pinnedFiles: ReadonlySet<string>): URL[] {
  const found: URL[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isJsonObject(value)) return;
    const ref = value.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const url = absoluteRef(ref, document.url);
      if (url && pinnedTarget(url, pinnedFiles) === undefined) found.push(url);
      return;
    }
    Object.values(value).forEach(visit);
  };
  visit(document.data);
  return found;
}

/** Where a pointer of the loaded definition is written: in the definition (`source` absent), or at `pointer` of a fetched document. */
export function placeOfPointer(pointer: string, documents: readonly SourceDocument[]): { pointer: string; source?: { url: string; pointer: string } } {
  const [member, index] = pointerTokens(pointer);
  const document = member === FETCHED_MEMBER ? documents.find((candidate) => String(candidate.fetched?.index) === index) : undefined;
  if (!document?.fetched) return { pointer };
  const inDocument = pointer.slice(childPointer('', FETCHED_MEMBER, document.fetched.index).length);
  return { pointer, source: { url: document.fetched.asked, pointer: inDocument } };
}

/**
 * The definition (`documents[0]`) with every reference of it and of the fetched documents
 * rewritten; `outcomes` says what became of each remote document (by its URL without fragment).
 */
export function catalogRefs(
  documents: readonly SourceDocument[],
  pinnedFiles: ReadonlySet<string>,
  outcomes: ReadonlyMap<string, DocumentOutcome>,
): CatalogedDefinition {
  const pinned: string[] = [];
  const unresolved: UnresolvedRef[] = [];
  const placeOf = (index: number) => childPointer('', FETCHED_MEMBER, index);
  const fetchedAt = (index: number, fragment: string) => `#${placeOf(index)}${fragment.replace(/^#/, '')}`;
  const rewriteDocument = (document: SourceDocument): unknown => {
    const own = document.fetched?.index;
    const rewrite = (value: unknown, pointer: string): unknown => {
      if (Array.isArray(value)) return value.map((item, index) => rewrite(item, childPointer(pointer, index)));
      if (!isJsonObject(value)) return value;
      const ref = value.$ref;
      if (typeof ref === 'string' && ref.startsWith('#') && own !== undefined) return { ...value, $ref: fetchedAt(own, ref) };
      if (typeof ref === 'string' && !ref.startsWith('#')) {
        const url = absoluteRef(ref, document.url);
        const target = url && pinnedTarget(url, pinnedFiles);
        if (target !== undefined) {
          pinned.push(ref);
          return { ...value, $ref: target };
        }
        const outcome: DocumentOutcome = (url && outcomes.get(documentUrl(url))) ?? { fetched: false, reason: { kind: 'host-not-listed' } };
        if (outcome.fetched) return { ...value, $ref: fetchedAt(outcome.index, url?.hash ?? '') };
        const inSchema = inSchemaPosition(pointer);
        const source = document.fetched ? { source: { url: document.fetched.asked, pointer } } : {};
        unresolved.push({ pointer: own === undefined ? pointer : placeOf(own) + pointer, ref, inSchema, reason: outcome.reason, ...source });
        return inSchema ? { description: `not resolved by konform: ${ref}` } : value;
      }
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child, childPointer(pointer, key))]));
    };
    return rewrite(document.data, '');
  };
  const [definition, ...fetched] = documents;
  const data = rewriteDocument(definition as SourceDocument) as JsonObject;
  if (fetched.length > 0) data[FETCHED_MEMBER] = fetched.map(rewriteDocument);
  return { data, pinned: [...new Set(pinned)], unresolved };
}
