/**
 * The resources of OGC API - Features Part 1 (OGC 17-069r4 §7) as the checks fetch them: the
 * landing page `/`, `/conformance`, `/collections`, `/collections/{collectionId}`, its `items`
 * and a feature. JSON resources are asked for as `application/json`, features as GeoJSON first.
 */
import { classUri, type ClassName } from '../../ogcapi/conformance-classes.js';
import { FEATURES_ACCEPT, JSON_TYPE } from '../../ogcapi/media-types.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckContext } from '../types.js';
import { apiRoot, apiUrl, fetchOnce, type Fetched } from './fetch.js';

export const landingPage = (context: CheckContext, accept = JSON_TYPE) => fetchOnce(context, apiRoot(context), accept);
export const conformance = (context: CheckContext, accept = JSON_TYPE) => fetchOnce(context, apiUrl(context, '/conformance'), accept);
export const collections = (context: CheckContext, accept = JSON_TYPE) => fetchOnce(context, apiUrl(context, '/collections'), accept);

export const collectionPath = (id: string) => `/collections/${encodeURIComponent(id)}`;

export function collection(context: CheckContext, id: string, accept = JSON_TYPE): Promise<Fetched> {
  return fetchOnce(context, apiUrl(context, collectionPath(id)), accept);
}

export function items(context: CheckContext, id: string, query: Record<string, string> = {}, accept = FEATURES_ACCEPT): Promise<Fetched> {
  return fetchOnce(context, apiUrl(context, `${collectionPath(id)}/items`, query), accept);
}

export function feature(context: CheckContext, id: string, featureId: string, accept = FEATURES_ACCEPT): Promise<Fetched> {
  return fetchOnce(context, apiUrl(context, `${collectionPath(id)}/items/${encodeURIComponent(featureId)}`), accept);
}

/** The conformance classes the server declares, or why konform does not know them. */
export async function declaredClasses(context: CheckContext): Promise<{ classes?: string[]; fetched: Fetched }> {
  const fetched = await conformance(context);
  const conformsTo = isJsonObject(fetched.json) ? fetched.json.conformsTo : undefined;
  if (fetched.response?.status !== 200 || !Array.isArray(conformsTo)) return { fetched };
  return { classes: conformsTo.filter((uri): uri is string => typeof uri === 'string'), fetched };
}

export async function declares(context: CheckContext, name: ClassName): Promise<boolean | undefined> {
  const { classes } = await declaredClasses(context);
  return classes?.includes(classUri(name));
}

export interface ListedCollection {
  id: string;
  /** The entry in /collections. */
  entry: Record<string, unknown>;
  /** Its JSON pointer in /collections. */
  pointer: string;
}

/** The collections /collections lists with a string `id`, each once; undefined when it could not be read. */
export async function listedCollections(context: CheckContext): Promise<ListedCollection[] | undefined> {
  const fetched = await collections(context);
  const list = isJsonObject(fetched.json) ? fetched.json.collections : undefined;
  if (fetched.response?.status !== 200 || !Array.isArray(list)) return undefined;
  const seen = new Set<string>();
  return list.flatMap((entry, index) => {
    if (!isJsonObject(entry) || typeof entry.id !== 'string' || seen.has(entry.id)) return [];
    seen.add(entry.id);
    return [{ id: entry.id, entry, pointer: `/collections/${index}` }];
  });
}
