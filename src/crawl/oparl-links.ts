/**
 * The links an OParl client follows (OParl 1.1 §2.10: clients navigate from the System object
 * by the URLs it and its objects give). Followed are:
 *  - the properties the schemas mark as references to objects or object lists (`references`
 *    in 1.1, `oparl:ref` in 1.0), as single URLs or arrays of URLs;
 *  - the `id` of every object a body holds besides itself: the items of a list page and the
 *    embedded (internal) objects (§2.5), so that each can be compared with its own URL (they
 *    are handed to the crawl as `inner`, to be kept once where they equal that answer);
 *  - on an external object list (§2.5: `data`, `pagination`, `links`), `links.next`.
 * `otherOparlVersions` is not followed (it leads to another version's System, a crawl of its
 * own), nor are web pages (`website`, `license`, …) or file contents (`accessUrl`, `downloadUrl`).
 * The `id` of an object a body holds leads to that one object (`object`: fetched only in the
 * crawl's sample, grouped by type); so does a reference, where `listsOf` tells which properties
 * of the referring object's type lead to external lists instead.
 */
import { childPointer } from '../core/json-pointer.js';
import type { Extraction, ExtractInput, FoundLink, InnerObject, LinkExtractor } from './types.js';

/** The properties of the type a `type` URI names that lead to external lists; undefined for a type not known. */
export type ListProperties = (typeUri: unknown) => ReadonlySet<string> | undefined;

/** Reference properties of the OParl 1.1.1 and 1.0.7 schemas. */
const REFERENCES = new Set([
  'agendaItem', 'body', 'bodies', 'consultation', 'derivativeFile', 'externalBody', 'file', 'legislativeTermList',
  'location', 'locationList', 'masterFile', 'meeting', 'meetings', 'membership', 'onBehalfOf', 'organization',
  'organizations', 'originatorOrganization', 'originatorPerson', 'paper', 'papers', 'participant', 'person',
  'persons', 'relatedPaper', 'subOrganizationOf', 'subordinatedPaper', 'superordinatedPaper', 'system',
  'underDirectionOf',
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute http(s) URL; the crawler drops what does not parse. */
function isUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\//i.test(value);
}

/** An internal object: one with a type. */
function isInternal(value: unknown): value is Json {
  return isObject(value) && typeof value.type === 'string';
}

/** RFC 6901 §3: only `~` and `/` need escaping in a reference token; OParl's property names have neither. */
const ESCAPED = /[~/]/;

function step(pointer: string, token: string | number): string {
  return typeof token === 'number' || !ESCAPED.test(token) ? `${pointer}/${token}` : childPointer(pointer, token);
}

interface Found {
  links: FoundLink[];
  inner: InnerObject[];
}

/** Links of one object at `pointer`; `self` says it is the body fetched at its own URL. */
function objectLinks(object: Json, pointer: string, self: boolean, found: Found, listsOf: ListProperties | undefined): void {
  if (!self && isUrl(object.id)) {
    found.links.push({ url: object.id, pointer: `${pointer}/id`, object: true });
    found.inner.push({ url: object.id, value: object, group: String(object.type) });
  }
  const lists = listsOf?.(object.type);
  const link = (url: string, at: string, name: string): FoundLink => (lists && !lists.has(name) ? { url, pointer: at, object: true } : { url, pointer: at });
  for (const name in object) {
    const value = object[name];
    const reference = REFERENCES.has(name);
    if (Array.isArray(value)) {
      const at = step(pointer, name);
      for (let index = 0; index < value.length; index += 1) {
        const item: unknown = value[index];
        if (isInternal(item)) objectLinks(item, `${at}/${index}`, false, found, listsOf);
        else if (reference && isUrl(item)) found.links.push(link(item, `${at}/${index}`, name));
      }
    } else if (isInternal(value)) {
      objectLinks(value, step(pointer, name), false, found, listsOf);
    } else if (reference && isUrl(value)) {
      found.links.push(link(value, step(pointer, name), name));
    }
  }
}

/** §2.5: an external object list has `data` and `links`; `pagination` may be left out on a single page. */
function isListPage(json: Json): boolean {
  return Array.isArray(json.data) && (isObject(json.links) || isObject(json.pagination));
}

/** The extractor of an OParl crawl; with `listsOf`, references to single objects wait for the lists (see above). */
export function oparlLinksWith(listsOf?: ListProperties): LinkExtractor {
  return ({ json }: ExtractInput): Extraction => {
    const found: Found = { links: [], inner: [] };
    if (!isObject(json)) return found;
    if (!isListPage(json)) {
      objectLinks(json, '', true, found, listsOf);
      return found;
    }
    const data = json.data as unknown[];
    for (let index = 0; index < data.length; index += 1) {
      const item = data[index];
      if (isObject(item)) objectLinks(item, `/data/${index}`, false, found, listsOf);
    }
    const next = isObject(json.links) ? json.links.next : undefined;
    return { ...found, page: isUrl(next) ? { next: { url: next, pointer: '/links/next' } } : {} };
  };
}

/** The extractor without knowledge of the types: every reference is followed at once. */
export const oparlLinks: LinkExtractor = oparlLinksWith();
