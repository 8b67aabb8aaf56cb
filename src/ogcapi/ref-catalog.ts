/**
 * The references an API definition makes, sorted before it is loaded: konform never fetches a
 * `$ref`. A reference into the standard's own building blocks at their official location
 * (http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/, as OGC 17-069r4 §7 names them)
 * is resolved from the pinned copy, as an XML catalog maps a schema location. Any other reference
 * that is not local (`#/...`) is unresolved: where it stands for a schema it is replaced by the
 * empty schema and remembered, so that what depends on it is reported as undecided.
 */
import { childPointer, pointerTokens } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';

const OFFICIAL_LOCATIONS = [
  'http://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/',
  'https://schemas.opengis.net/ogcapi/features/part1/1.0/openapi/',
];

export interface UnresolvedRef {
  /** Pointer of the Reference Object in the API definition. */
  pointer: string;
  ref: string;
  /** Whether it stands where a Schema Object stands (and was replaced by the empty schema). */
  inSchema: boolean;
}

export interface CatalogedDefinition {
  /** The definition with pinned references made relative to the building blocks' folder. */
  data: JsonObject;
  /** References resolved from the pinned building blocks, as written. */
  pinned: string[];
  unresolved: UnresolvedRef[];
}

const SCHEMA_FIELDS = new Set(['schema', 'items', 'additionalProperties', 'not']);
const SCHEMA_CONTAINERS = new Set(['properties', 'patternProperties', 'allOf', 'anyOf', 'oneOf']);

function inSchemaPosition(pointer: string): boolean {
  const tokens = pointerTokens(pointer);
  const [parent, grandParent] = [tokens.at(-1), tokens.at(-2)];
  if (pointer.startsWith('/components/schemas/')) return true;
  return (parent !== undefined && SCHEMA_FIELDS.has(parent)) || (grandParent !== undefined && SCHEMA_CONTAINERS.has(grandParent));
}

/** `ref` as a path relative to the pinned building blocks' folder, when it points into them. */
function pinnedTarget(ref: string, pinnedFiles: ReadonlySet<string>): string | undefined {
  const location = OFFICIAL_LOCATIONS.find((prefix) => ref.startsWith(prefix));
  if (!location) return undefined;
  const relative = ref.slice(location.length);
  return pinnedFiles.has(relative.split('#')[0] ?? '') ? relative : undefined;
}

export function catalogRefs(served: JsonObject, pinnedFiles: ReadonlySet<string>): CatalogedDefinition {
  const pinned: string[] = [];
  const unresolved: UnresolvedRef[] = [];
  const rewrite = (value: unknown, pointer: string): unknown => {
    if (Array.isArray(value)) return value.map((item, index) => rewrite(item, childPointer(pointer, index)));
    if (!isJsonObject(value)) return value;
    const ref = value.$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) {
      const target = pinnedTarget(ref, pinnedFiles);
      if (target !== undefined) {
        pinned.push(ref);
        return { ...value, $ref: target };
      }
      const inSchema = inSchemaPosition(pointer);
      unresolved.push({ pointer, ref, inSchema });
      return inSchema ? { description: `not resolved by konform: ${ref}` } : value;
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child, childPointer(pointer, key))]));
  };
  return { data: rewrite(served, '') as JsonObject, pinned: [...new Set(pinned)], unresolved };
}
