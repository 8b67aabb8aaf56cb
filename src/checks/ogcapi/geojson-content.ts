/**
 * `ogcapi.geojson-content`, per collection: the features konform fetched are a GeoJSON
 * FeatureCollection (items) and a GeoJSON Feature (a feature) as RFC 7946 defines them, judged by
 * the official GeoJSON schema and the RFC's rules (src/geojson/: a MUST broken fails A, a SHOULD
 * broken is a warning of its RFC rule) (/req/geojson/content A); an `application/json` answer is
 * also valid against featureCollectionGeoJSON.yaml and featureGeoJSON.yaml (D); the feature's `id`
 * is the `featureId` it was requested by (B); both carry their links in a `links` member (C).
 */
import type { CheckOutput } from '../../model/types.js';
import { GEOJSON_STANDARD, geojsonFindings, type GeoJsonKind } from '../../geojson/validate.js';
import { hasMediaType, JSON_TYPE } from '../../ogcapi/media-types.js';
import type { OgcSchemaName } from '../../ogcapi/schemas.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckContext } from '../types.js';
import { expectSchema } from './expect.js';
import type { Fetched } from './fetch.js';
import { sawWalk, walk } from './features.js';
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

const CORE_SCHEMA: Readonly<Record<GeoJsonKind, OgcSchemaName>> = { FeatureCollection: 'featureCollectionGeoJSON', Feature: 'featureGeoJSON' };

/** A and D for one answer; what breaks a SHOULD of RFC 7946 goes to `shoulds`, under its RFC rule. */
async function expectGeoJson(context: CheckContext, judgement: Judgement, shoulds: Judgement, kind: GeoJsonKind, fetched: Fetched): Promise<void> {
  judgement.saw(fetched);
  for (const { requirement, severity, code, message, pointer, clause, keyword } of await geojsonFindings(kind, fetched.json)) {
    const params = { requirement, clause, ...(keyword ? { keyword } : {}) };
    if (severity === 'error') judgement.violation({ rule: RULE, code, message: `not a GeoJSON ${kind}: ${message}`, fetched, pointer, params });
    else shoulds.violation({ rule: requirement, code, message, fetched, pointer, params });
  }
  if (fetched.response && hasMediaType(fetched.response, JSON_TYPE)) await expectSchema(context, judgement, CORE_SCHEMA[kind], fetched.json, fetched, RULE);
}

/** The output with the SHOULDs broken as warnings, which do not fail the check. */
function withWarnings(output: CheckOutput, shoulds: Judgement): CheckOutput {
  const warnings = shoulds.output().findings.map((finding) => ({ ...finding, severity: 'warning' as const }));
  return { ...output, findings: [...output.findings, ...warnings] };
}

export const geojsonContentKind = perCollectionKind({
  name: 'ogcapi.geojson-content',
  description: 'Items are a GeoJSON FeatureCollection and a feature a GeoJSON Feature, with the id asked for and a links member',
  rules: [RULE],
  standards: [GEOJSON_STANDARD],
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const shoulds = new Judgement();
    const walked = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    sawWalk(judgement, walked, [RULE]);
    const pages = [await items(context, id), ...walked.pages].filter((page) => page.response?.status === 200 && page.json !== undefined);
    if (pages.length === 0)
      return {
        outcome: 'cantTell',
        findings: [{ code: 'no-sample', message: `konform could not read /collections/${id}/items as JSON`, severity: 'info' }],
      };
    for (const page of pages) {
      await expectGeoJson(context, judgement, shoulds, 'FeatureCollection', page);
      expectLinksMember(judgement, page);
    }
    const found = await firstFeature(context, id);
    if (!('fetched' in found) || found.fetched.response?.status !== 200 || found.fetched.json === undefined) return withWarnings(judgement.output(), shoulds);
    const { fetched } = found;
    await expectGeoJson(context, judgement, shoulds, 'Feature', fetched);
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
    return withWarnings(judgement.output(), shoulds);
  },
});
