/**
 * `ogcapi.feature`, per collection: for the first feature of the first page, GET
 * `/collections/{collectionId}/items/{featureId}` is supported (/req/core/f-op) and answers 200
 * (/req/core/f-success) with links `self`, `alternate` per other declared encoding and
 * `collection`, each with `rel` and `type` (/req/core/f-links).
 */
import { linksOf } from '../../ogcapi/links.js';
import { HTML } from '../../ogcapi/media-types.js';
import type { CheckContext } from '../types.js';
import { expectJson200, expectSupported } from './expect.js';
import type { Fetched } from './fetch.js';
import { featureId, featuresOf } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { declaredEncodings, expectLinks, expectRelAndType } from './link-rules.js';
import { feature, items } from './resources.js';

const OP = '/req/core/f-op';
const SUCCESS = '/req/core/f-success';
const LINKS = '/req/core/f-links';

/** The first feature of the first page and its own resource; or why there is none. */
export async function firstFeature(
  context: CheckContext,
  collectionId: string,
): Promise<{ id: string; fetched: Fetched; page: Fetched } | { reason: string; outcome: 'inapplicable' | 'cantTell'; page: Fetched }> {
  const page = await items(context, collectionId);
  const features = page.response?.status === 200 ? featuresOf(page) : undefined;
  if (!features) return { reason: `konform could not read features from /collections/${collectionId}/items`, outcome: 'cantTell', page };
  if (features.length === 0) return { reason: `/collections/${collectionId}/items has no features`, outcome: 'inapplicable', page };
  const id = featureId(features[0]?.feature ?? {});
  if (id === undefined)
    return { reason: `the first feature of /collections/${collectionId}/items has no id to request it by`, outcome: 'cantTell', page };
  return { id, fetched: await feature(context, collectionId, id), page };
}

export const featureKind = perCollectionKind({
  name: 'ogcapi.feature',
  description: 'GET /collections/{collectionId}/items/{featureId} answers 200 with the links the Core requires',
  rules: [OP, SUCCESS, LINKS],
  judge: async (context, options, { id }) => {
    const found = await firstFeature(context, id);
    if (!('fetched' in found)) {
      const code = found.outcome === 'inapplicable' ? 'not-applicable' : 'no-sample';
      return {
        outcome: found.outcome,
        findings: [{ code, message: found.reason, severity: 'info' }],
        evidence: found.page.response ? [found.page.response.exchangeId] : [],
      };
    }
    const judgement = new Judgement();
    if (!expectSupported(judgement, found.fetched, OP)) return judgement.stopped();
    const body = expectJson200(judgement, found.fetched, SUCCESS, `the feature ${found.id}`);
    if (body === undefined) return judgement.stopped();
    const others = (await declaredEncodings(context)).features.filter((type) => type === HTML);
    expectLinks(judgement, body, '', found.fetched, LINKS, 'self');
    if (others.length > 0) expectLinks(judgement, body, '', found.fetched, LINKS, 'alternate', others);
    expectLinks(judgement, body, '', found.fetched, LINKS, 'collection');
    expectRelAndType(judgement, linksOf(body), found.fetched, LINKS);
    return judgement.output();
  },
});
