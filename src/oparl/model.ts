/**
 * What konform reads from OParl's schemas beyond JSON Schema: the object types of a version
 * (§3.1 `type`: https://schema.oparl.org/<version>/<Type>) and, per type, its properties with
 * the relations the schema's custom keywords declare — a reference to objects of a type
 * (`references` in 1.1, `oparl:ref` in 1.0, on URL-valued properties only), a reference to an
 * external object list (`references: externalList`, its items' type in `items.schema`), an
 * internal object (`schema`/`$ref`, or an inline titled schema in 1.0) and the back-reference
 * the referenced object gives (`backreference`, `oparl:backref`). OParl 1.0's schemas do not
 * mark its external lists; its standard names them in `external-lists.yaml`.
 */
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import { embeddedTypeName, inlineTypeName } from './schema-dialect.js';

export interface Relation {
  kind: 'reference' | 'list' | 'embedded';
  /** The type referred to, listed or embedded; absent when the schema does not say. */
  type?: string;
  /** An array of references or of internal objects. */
  many: boolean;
  /** The property of the referenced object that refers back. */
  backreference?: string;
}

export interface ObjectType {
  name: string;
  uri: string;
  properties: ReadonlySet<string>;
  required: readonly string[];
  /** Relations by property name. */
  relations: ReadonlyMap<string, Relation>;
}

export interface OParlModel {
  version: string;
  /** The namespace of the version's type URIs, e.g. `https://schema.oparl.org/1.1/`. */
  namespace: string;
  types: ReadonlyMap<string, ObjectType>;
}

/** `Type.property` → the type of the list's items, for lists the schemas do not mark. */
export type ExternalLists = Readonly<Record<string, string>>;

function relationOf(type: string, name: string, property: JsonObject, lists: ExternalLists): Relation | undefined {
  const items = isJsonObject(property.items) ? property.items : {};
  const many = property.type === 'array';
  const listed = lists[`${type}.${name}`];
  if (listed) return { kind: 'list', type: listed, many: false };
  const reference = property.references ?? property['oparl:ref'] ?? items.references ?? items['oparl:ref'];
  const backreference = property.backreference ?? property['oparl:backref'];
  const back = typeof backreference === 'string' ? { backreference } : {};
  if (reference === 'externalList') {
    const listedType = embeddedTypeName(items.schema);
    return { kind: 'list', ...(listedType ? { type: listedType } : {}), many: false };
  }
  const embedded = embeddedTypeName(property.schema ?? property.$ref ?? items.schema ?? items.$ref) ?? inlineTypeName(items);
  if (embedded) return { kind: 'embedded', type: embedded, many };
  const urlValued = property.format === 'url' || items.format === 'url';
  if (typeof reference === 'string' && urlValued) return { kind: 'reference', type: reference, many, ...back };
  return undefined;
}

/** The schema files by type, with 1.0's inline types (items with a title) as types of their own. */
function withInlineTypes(files: ReadonlyMap<string, JsonObject>): Map<string, JsonObject> {
  const all = new Map(files);
  const visit = (schema: JsonObject): void => {
    for (const property of Object.values(isJsonObject(schema.properties) ? schema.properties : {})) {
      const items = isJsonObject(property) && isJsonObject(property.items) ? property.items : undefined;
      const inline = items && inlineTypeName(items);
      if (items && inline && !all.has(inline)) {
        all.set(inline, items);
        visit(items);
      }
    }
  };
  files.forEach(visit);
  return all;
}

export function buildModel(version: string, files: ReadonlyMap<string, JsonObject>, lists: ExternalLists = {}): OParlModel {
  const namespace = `https://schema.oparl.org/${version}/`;
  const types = new Map<string, ObjectType>();
  for (const [name, schema] of withInlineTypes(files)) {
    const properties = isJsonObject(schema.properties) ? schema.properties : {};
    const relations = new Map<string, Relation>();
    for (const [property, definition] of Object.entries(properties)) {
      const relation = isJsonObject(definition) ? relationOf(name, property, definition, lists) : undefined;
      if (relation) relations.set(property, relation);
    }
    const required = Array.isArray(schema.required) ? schema.required.filter((entry): entry is string => typeof entry === 'string') : [];
    types.set(name, { name, uri: namespace + name, properties: new Set(Object.keys(properties)), required, relations });
  }
  return { version, namespace, types };
}

/** `from` and every type its relations (references, lists, embedded objects) lead on to, directly or not. */
export function typesReachedFrom(model: OParlModel, from: string): Set<string> {
  const reached = new Set([from]);
  for (const name of reached) {
    for (const relation of model.types.get(name)?.relations.values() ?? []) if (relation.type) reached.add(relation.type);
  }
  return reached;
}

/** The type a `type` URI names in this version, if it names one. */
export function typeOfUri(model: OParlModel, uri: unknown): ObjectType | undefined {
  if (typeof uri !== 'string' || !uri.startsWith(model.namespace)) return undefined;
  return model.types.get(uri.slice(model.namespace.length));
}
