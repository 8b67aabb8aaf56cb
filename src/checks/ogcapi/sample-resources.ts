/**
 * One resource of each kind OGC API - Features Part 1 defines, for the checks that ask each kind
 * for an encoding: the landing page, /conformance, /collections, the first collection, its items
 * and its first feature. Whether a resource holds features decides its media type (/req/geojson/definition).
 */
import type { CheckContext } from '../types.js';
import { apiRoot, apiUrl } from './fetch.js';
import { featureId, featuresOf } from './features.js';
import { collectionPath, items, listedCollections } from './resources.js';

export interface SampleResource {
  url: string;
  /** Feature content: a feature collection or a feature. */
  features: boolean;
  /** Which resource of the standard it is, as findings name it. */
  name: 'landing page' | 'conformance' | 'collections' | 'collection' | 'items' | 'feature';
}

export async function sampleResources(context: CheckContext): Promise<SampleResource[]> {
  const resources: SampleResource[] = [
    { url: apiRoot(context), features: false, name: 'landing page' },
    { url: apiUrl(context, '/conformance'), features: false, name: 'conformance' },
    { url: apiUrl(context, '/collections'), features: false, name: 'collections' },
  ];
  const [first] = (await listedCollections(context)) ?? [];
  if (!first) return resources;
  const path = collectionPath(first.id);
  resources.push(
    { url: apiUrl(context, path), features: false, name: 'collection' },
    { url: apiUrl(context, `${path}/items`), features: true, name: 'items' },
  );
  const [feature] = featuresOf(await items(context, first.id)) ?? [];
  const id = feature ? featureId(feature.feature) : undefined;
  if (id !== undefined)
    resources.push({ url: apiUrl(context, `${path}/items/${encodeURIComponent(id)}`), features: true, name: 'feature' });
  return resources;
}
