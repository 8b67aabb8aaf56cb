/**
 * Where the operations of a served API definition are called: below the definition's first server
 * URL (OpenAPI 3.0.3 Server Object, variables at their defaults, relative to the definition's own
 * URL; `/` without servers), with the path parameters `collectionId` and `featureId` of OGC
 * 17-069r4 §7.14-7.16 set to a collection /collections lists and one of its features.
 */
import { isJsonObject } from '../../openapi/refs.js';
import type { JsonObject } from '../../openapi/types.js';
import type { CheckContext } from '../types.js';
import { firstFeature } from './feature.js';
import { listedCollections } from './resources.js';

export interface PathValues {
  collectionId?: string;
  /** The id of the first feature of each collection looked at. */
  featureIds: Map<string, string>;
}

export function serverBase(document: JsonObject, definitionUrl: string): string {
  const [server] = Array.isArray(document.servers) ? document.servers : [];
  if (!isJsonObject(server) || typeof server.url !== 'string') return new URL('/', definitionUrl).href;
  const variables = isJsonObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isJsonObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  return new URL(url, definitionUrl).href;
}

export async function pathValues(context: CheckContext, maxCollections: number): Promise<PathValues> {
  const listed = ((await listedCollections(context)) ?? []).slice(0, maxCollections);
  const featureIds = new Map<string, string>();
  for (const { id } of listed) {
    const found = await firstFeature(context, id);
    if ('fetched' in found) featureIds.set(id, found.id);
  }
  return { ...(listed[0] ? { collectionId: listed[0].id } : {}), featureIds };
}

/** The path with its parameters set; undefined when one of them has no known value. */
export function knownPath(template: string, values: PathValues, overrides: Record<string, string> = {}): string | undefined {
  const literal = /^\/collections\/([^/{]+)/.exec(template)?.[1];
  const collection = literal !== undefined ? decodeURIComponent(literal) : values.collectionId;
  const known: Record<string, string | undefined> = {
    collectionId: values.collectionId,
    featureId: collection === undefined ? undefined : values.featureIds.get(collection),
    ...overrides,
  };
  let complete = true;
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = known[name];
    if (value === undefined) complete = false;
    return encodeURIComponent(value ?? '');
  });
  return complete ? path : undefined;
}
