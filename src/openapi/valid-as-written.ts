/**
 * Whether the structural validation of an OpenAPI 3 document may take it as written rather than
 * dereferenced first, as swagger-parser does it (oas-schema.ts), with the same verdict: then a
 * document of ten thousand operations is not copied and dereferenced only to be validated.
 *
 * Dereferencing replaces each Reference Object by its target. The OpenAPI 3.0 and 3.1 schemas
 * accept a Reference Object wherever they accept the object it stands for, and validate the
 * target where it is written against the same definition. Both ways agree when no object has an
 * `$id` and every `$ref`
 * - is local and points straight at an object that is no `$ref`, as bundling leaves it
 *   (bundled-already.ts; so a document valid as written is bundled already);
 * - has no siblings (the dereferencer merges them into the target, to be validated with it);
 * - stands where the kind of object it points to belongs: a Parameter Object's ref at
 *   `#/components/parameters/<name>`, a Schema Object's at a schema, a Path Item's at another
 *   path item (OpenAPI 3.0.3 §4.7.5 Components Object, §4.7.9 Path Item Object).
 * Anything else is left to the dereferencing validation.
 */
import { fragmentPointer, pointerTokens } from '../core/json-pointer.js';
import { keptAsWritten } from './bundled-already.js';
import { isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

/** The kinds of object a Reference Object can stand for: the sections of the Components Object, and path items. */
type Kind = 'schemas' | 'responses' | 'parameters' | 'examples' | 'requestBodies' | 'headers' | 'securitySchemes' | 'links' | 'callbacks' | 'pathItems';

/** The keys whose value is a map (`parameters`: a list) of objects of one kind, and that kind. */
const MAPS_OF_KIND: Readonly<Record<string, Kind>> = {
  schemas: 'schemas',
  responses: 'responses',
  parameters: 'parameters',
  examples: 'examples',
  requestBodies: 'requestBodies',
  headers: 'headers',
  securitySchemes: 'securitySchemes',
  links: 'links',
  callbacks: 'callbacks',
  paths: 'pathItems',
  pathItems: 'pathItems',
  webhooks: 'pathItems',
};

/** Keywords of a Schema Object whose value is a schema, a list or a map of them: how a pointer descends into a schema. */
const SINGLE_SUBSCHEMA = new Set(['items', 'additionalProperties', 'not']);
const SUBSCHEMA_LISTS_AND_MAPS = new Set(['allOf', 'anyOf', 'oneOf', 'properties']);

/** The kind of object at `pointer`, when it is a place objects of one kind are declared at; undefined otherwise. */
function kindAt(pointer: string): Kind | undefined {
  const [first, section, name, ...rest] = pointerTokens(pointer);
  if (first === 'paths') return section !== undefined && name === undefined ? 'pathItems' : undefined;
  if (first !== 'components' || section === undefined || name === undefined) return undefined;
  if (rest.length === 0) return section === 'paths' || section === 'webhooks' ? undefined : MAPS_OF_KIND[section];
  if (section !== 'schemas') return undefined;
  for (let index = 0; index < rest.length; index += 1) {
    const keyword = rest[index] as string;
    if (SUBSCHEMA_LISTS_AND_MAPS.has(keyword)) index += 1;
    else if (!SINGLE_SUBSCHEMA.has(keyword)) return undefined;
  }
  return 'schemas';
}

/** Whether the Reference Object `value` may stay as written where a `kind` object belongs (undefined: a place of no one kind). */
function refAgrees(document: JsonObject, value: JsonObject, kind: Kind | undefined): boolean {
  if (Object.keys(value).length !== 1 || !keptAsWritten(document, value.$ref as string)) return false;
  const target = fragmentPointer(value.$ref as string);
  return kind !== undefined && target !== undefined && kindAt(target) === kind;
}

export function validAsWritten(document: JsonObject): boolean {
  if (typeof document.openapi !== 'string') return false;
  let agrees = true;
  /** `kind`: what the parent says the value is; `inSchema`: whether it lies in a schema, where every `$ref` is a schema's. */
  const visit = (value: unknown, kind: Kind | undefined, inSchema: boolean): void => {
    if (!agrees || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item) => visit(item, undefined, inSchema));
    const object = value as JsonObject;
    if (typeof object.$ref === 'string') {
      agrees = refAgrees(document, object, inSchema ? 'schemas' : kind);
      return;
    }
    if (object.$id !== undefined) {
      agrees = false;
      return;
    }
    for (const key in object) {
      const child = object[key];
      const membersKind = inSchema ? undefined : MAPS_OF_KIND[key];
      if (inSchema || key === 'schema') visit(child, 'schemas', true);
      else if (key === 'requestBody') visit(child, 'requestBodies', false);
      else if (membersKind !== undefined && (isJsonObject(child) || Array.isArray(child))) {
        for (const name in child) visit((child as Record<string, unknown>)[name], membersKind, membersKind === 'schemas');
      } else visit(child, undefined, false);
    }
  };
  visit(document, undefined, false);
  return agrees;
}
