/**
 * Every OParl object a crawl saw, where it saw it: fetched at a URL, as an item of a list page
 * (§2.5 external object lists) or embedded in another object (§2.5 internal output). Each
 * occurrence knows the type its context expects — from the schema relation of the property
 * that led to it (a reference, a list, an embedding property) — and the type its own `type`
 * URI names; checks judge it as the latter where it names a type of the version.
 */
import type { CrawlRecord, Fetched, LinkSource } from '../crawl/types.js';
import { childPointer, splitPointer } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import { typeOfUri, type OParlModel, type Relation } from './model.js';

export type Role = 'fetched' | 'listItem' | 'embedded';

export interface Occurrence {
  object: JsonObject;
  role: Role;
  /** The response the object is part of. */
  response: Fetched;
  /** JSON pointer of the object in that response's body ('' for a fetched object). */
  pointer: string;
  /** The type judged: the one its `type` names, else the one its context expects. */
  type?: string;
  /** The type its context expects. */
  expected?: string;
  /** For an embedded object: the object it is embedded in, and the property. */
  parent?: { occurrence: Occurrence; property: string };
}

/** Where a link leads in terms of the schema: the relation of the property it was found in. */
export interface LinkContext {
  relation?: Relation;
  /** The object the link was found in. */
  holder?: Occurrence;
  /** Set when the link is the `id` of an embedded object or list item: that occurrence. */
  idOf?: Occurrence;
}

export interface Occurrences {
  all: Occurrence[];
  byType: Map<string | undefined, Occurrence[]>;
  /** The occurrence at a pointer of a response, by `<response URL> <pointer>`. */
  at: Map<string, Occurrence>;
  /** The schema context of the link that led to a URL. */
  linkContext(via: LinkSource | undefined): LinkContext;
  /** The type of the object (or list items) a link leads to, where the schema says. */
  typeOfLink(via: LinkSource | undefined): string | undefined;
  /** The type of the objects a response holds or is: its list's item type, or its link's target. */
  expectedOf(url: string): string | undefined;
}

const key = (url: string, pointer: string) => `${url} ${pointer}`;

export function collectOccurrences(record: CrawlRecord, model: OParlModel, entryType = 'System'): Occurrences {
  const all: Occurrence[] = [];
  const at = new Map<string, Occurrence>();
  const responses = new Map<string, { fetched: Fetched; list?: number }>();
  record.objects.forEach((fetched) => responses.set(fetched.url, { fetched }));
  record.lists.forEach((list, index) => list.pages.forEach((fetched) => responses.set(fetched.url, { fetched, list: index })));
  const expectedOfResponse = new Map<string, string | undefined>();

  const add = (object: JsonObject, role: Role, response: Fetched, pointer: string, expected: string | undefined, parent?: Occurrence['parent']) => {
    const type = typeOfUri(model, object.type)?.name ?? expected;
    const occurrence: Occurrence = { object, role, response, pointer, ...(type ? { type } : {}), ...(expected ? { expected } : {}), ...(parent ? { parent } : {}) };
    all.push(occurrence);
    at.set(key(response.url, pointer), occurrence);
    for (const [property, relation] of model.types.get(type ?? '')?.relations ?? []) {
      if (relation.kind !== 'embedded') continue;
      const value = object[property];
      const values = relation.many && Array.isArray(value) ? value.map((item, index) => [item, childPointer(pointer, property, index)] as const) : [[value, childPointer(pointer, property)] as const];
      for (const [item, itemPointer] of values) {
        if (isJsonObject(item)) add(item, 'embedded', response, itemPointer, relation.type, { occurrence, property });
      }
    }
  };

  const linkContext = (via: LinkSource | undefined): LinkContext => {
    if (!via) return {};
    const referrer = responses.get(via.from);
    if (referrer) ensure(referrer.fetched.url);
    const split = splitPointer(via.pointer);
    if (split?.token === 'id') {
      const idOf = at.get(key(via.from, split.parent));
      if (idOf) return { idOf };
    }
    for (let pointer = via.pointer; ; ) {
      const up = splitPointer(pointer);
      if (!up) return {};
      const holder = at.get(key(via.from, up.parent));
      if (holder) {
        const relation = model.types.get(holder.type ?? '')?.relations.get(up.token);
        return { holder, ...(relation ? { relation } : {}) };
      }
      pointer = up.parent;
    }
  };

  /** The type the context of a response expects: its list's item type, or its link's target. */
  const expectedOf = (url: string): string | undefined => {
    if (expectedOfResponse.has(url)) return expectedOfResponse.get(url);
    expectedOfResponse.set(url, undefined);
    const entry = responses.get(url);
    const first = entry?.list === undefined ? entry?.fetched : record.lists[entry.list]?.pages[0];
    const context = first?.via ? linkContext(first.via) : undefined;
    const expected = !first?.via ? (url === record.entry ? entryType : undefined) : (context?.idOf?.type ?? context?.relation?.type);
    expectedOfResponse.set(url, expected);
    return expected;
  };

  const done = new Set<string>();
  const ensure = (url: string): void => {
    if (done.has(url)) return;
    done.add(url);
    const entry = responses.get(url);
    const json = entry?.fetched.json;
    if (!entry || !isJsonObject(json)) return;
    const expected = expectedOf(url);
    if (entry.list === undefined) return add(json, 'fetched', entry.fetched, '', expected);
    const data = Array.isArray(json.data) ? json.data : [];
    data.forEach((item, index) => isJsonObject(item) && add(item, 'listItem', entry.fetched, childPointer('/data', index), expected));
  };
  for (const url of responses.keys()) ensure(url);

  const byType = new Map<string | undefined, Occurrence[]>();
  for (const occurrence of all) {
    const list = byType.get(occurrence.type) ?? [];
    if (list.length === 0) byType.set(occurrence.type, list);
    list.push(occurrence);
  }
  const typeOfLink = (via: LinkSource | undefined): string | undefined => {
    if (via && responses.get(via.from)?.list !== undefined && via.pointer === '/links/next') return expectedOf(via.from);
    const context = linkContext(via);
    return context.idOf?.type ?? context.relation?.type;
  };
  return { all, byType, at, linkContext, typeOfLink, expectedOf };
}

