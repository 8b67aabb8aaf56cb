/**
 * Features as the checks sample them: the features of a page (a GeoJSON FeatureCollection,
 * RFC 7946 §3.3), and walks through the pages of a query along `next` links (OGC 17-069r4
 * §7.15.7), bounded by `maxPages` and stopped at a link cycle. Whether the walk reached the end
 * decides whether what needs every page can be judged or is `untested`; a page a `next` link led
 * to that got no answer (a timeout, a host konform may not contact) leaves it `cantTell`.
 */
import type { CheckOutput } from '../../model/types.js';
import { linksOf, linkUrl, withRel } from '../../ogcapi/links.js';
import { FEATURES_ACCEPT, HTML } from '../../ogcapi/media-types.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckContext } from '../types.js';
import { fetchOnce, type Fetched } from './fetch.js';
import type { Judgement } from './judgement.js';
import { items } from './resources.js';

export interface SeenFeature {
  feature: Record<string, unknown>;
  fetched: Fetched;
  pointer: string;
}

export interface Walk {
  pages: Fetched[];
  /** The last page has no `next` link. */
  complete: boolean;
  /** A `next` link led back to a page already seen. */
  cycle?: string;
  /** A page that did not answer 200 with a feature collection (the walk stops there). */
  broken?: Fetched;
  features: SeenFeature[];
}

/** The features of a page; undefined when the body has no `features` array. */
export function featuresOf(fetched: Fetched): SeenFeature[] | undefined {
  const list = isJsonObject(fetched.json) ? fetched.json.features : undefined;
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((feature, index) => (isJsonObject(feature) ? [{ feature, fetched, pointer: `/features/${index}` }] : []));
}

/** The `next` link of a page that is not HTML, resolved. */
export function nextUrl(fetched: Fetched): string | undefined {
  const next = withRel(linksOf(fetched.json), 'next').find((link) => link.type !== HTML);
  return next ? linkUrl(next, fetched.response?.url ?? fetched.url) : undefined;
}

export function featureId(feature: Record<string, unknown>): string | undefined {
  return typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined;
}

export function walk(context: CheckContext, collectionId: string, query: Record<string, string>, maxPages: number): Promise<Walk> {
  return context.memo(`ogcapi:walk:${collectionId}:${JSON.stringify(query)}:${maxPages}`, async () => {
    const result: Walk = { pages: [], complete: false, features: [] };
    let page = await items(context, collectionId, query);
    const seen = new Set<string>();
    for (;;) {
      seen.add(page.response?.url ?? page.url);
      const self = withRel(linksOf(page.json), 'self')[0];
      const selfUrl = self ? linkUrl(self, page.response?.url ?? page.url) : undefined;
      if (selfUrl) seen.add(selfUrl);
      const features = page.response?.status === 200 ? featuresOf(page) : undefined;
      if (!features) return { ...result, broken: page };
      result.pages.push(page);
      result.features.push(...features);
      const next = nextUrl(page);
      if (next === undefined) return { ...result, complete: true };
      if (seen.has(next)) return { ...result, cycle: next };
      if (result.pages.length >= maxPages) return result;
      page = await fetchOnce(context, next, FEATURES_ACCEPT);
    }
  });
}

/**
 * The pages of a walk as the evidence of `judgement`. Where a `next` link got no answer (a
 * timeout, a host konform may not contact), the page behind it held features konform set out to
 * examine: each of `rules` is undecided, its finding the transport failure.
 */
export function sawWalk(judgement: Judgement, walked: Walk, rules: readonly string[]): Judgement {
  judgement.saw(...walked.pages);
  const { broken } = walked;
  if (broken?.failure && walked.pages.length > 0) for (const rule of rules) judgement.unanswered(rule, broken);
  return judgement;
}

/** cantTell, when a walk did not get a single page of features to judge. */
export function unsampled(walked: Walk, collectionId: string): CheckOutput | undefined {
  if (walked.pages.length > 0) return undefined;
  const evidence = walked.broken?.response?.exchangeId ?? walked.broken?.failure?.exchangeId;
  const message = `konform could not read features from /collections/${collectionId}/items`;
  return { outcome: 'cantTell', findings: [{ code: 'no-sample', message, severity: 'info' }], evidence: evidence ? [evidence] : [] };
}
