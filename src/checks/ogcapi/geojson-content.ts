/**
 * `ogcapi.geojson-content`, per collection: the features konform fetched are a GeoJSON
 * FeatureCollection (items) and a GeoJSON Feature (a feature), valid against
 * featureCollectionGeoJSON.yaml and featureGeoJSON.yaml (/req/geojson/content A, and D for
 * `application/json` answers); the feature's `id` is the `featureId` it was requested by (B); both
 * carry their links in a `links` member (C).
 */
import { isJsonObject } from '../../openapi/refs.js';
import { expectSchema } from './expect.js';
import type { Fetched } from './fetch.js';
import { walk } from './features.js';
import { firstFeature } from './feature.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { items } from './resources.js';

const RULE = '/req/geojson/content';

function expectLinksMember(judgement: Judgement, fetched: Fetched): void {
  if (isJsonObject(fetched.json) && !Array.isArray(fetched.json.links)) {
    judgement.violation({
      rule: RULE,
      code: 'links-member-missing',
      message: 'the links are not in a foreign member "links"',
      fetched,
      pointer: '/links',
    });
  }
}

export const geojsonContentKind = perCollectionKind({
  name: 'ogcapi.geojson-content',
  description: 'Items are a GeoJSON FeatureCollection and a feature a GeoJSON Feature, with the id asked for and a links member',
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const walked = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    const pages = [await items(context, id), ...walked.pages].filter((page) => page.response?.status === 200 && page.json !== undefined);
    if (pages.length === 0)
      return {
        outcome: 'cantTell',
        findings: [{ code: 'no-sample', message: `konform could not read /collections/${id}/items as JSON`, severity: 'information' }],
      };
    for (const page of pages) {
      await expectSchema(context, judgement.saw(page), 'featureCollectionGeoJSON', page.json, page, RULE);
      expectLinksMember(judgement, page);
    }
    const found = await firstFeature(context, id);
    if (!('fetched' in found) || found.fetched.response?.status !== 200 || found.fetched.json === undefined) return judgement.output();
    const { fetched } = found;
    await expectSchema(context, judgement.saw(fetched), 'featureGeoJSON', fetched.json, fetched, RULE);
    expectLinksMember(judgement, fetched);
    const own = isJsonObject(fetched.json) ? fetched.json.id : undefined;
    if (String(own) !== found.id) {
      judgement.violation({
        rule: RULE,
        code: 'feature-id-mismatch',
        message: `the feature requested as ${found.id} has the id ${JSON.stringify(own)}`,
        fetched,
        pointer: '/id',
        params: { featureId: found.id, id: own },
      });
    }
    return judgement.output();
  },
});
