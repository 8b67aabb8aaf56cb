/**
 * `ogcapi.paging-recommendations`, per collection, on the pages konform walks with `limit`:
 * a page followed by more selected features links the next one (/rec/core/fc-next-1, judged by
 * `numberMatched`); a `next` page brings features not returned before and never leads back
 * (/rec/core/fc-next-2); it holds no more features than the limit asked for (/rec/core/fc-next-3);
 * a page's `bbox` member covers the whole result, not just the page (/rec/core/fc-extent).
 */
import { boxOf, contains, positions, toBox } from '../../ogcapi/geometry.js';
import { isJsonObject } from '../../openapi/refs.js';
import { featureId, featuresOf, nextUrl, unsampled, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { formatBox } from './probe.js';

export const pagingRecommendationsKind = perCollectionKind({
  name: 'ogcapi.paging-recommendations',
  description: 'next links lead through the whole selection without repeats, within the limit, and a page bbox covers the whole result',
  judge: async (context, options, { id }) => {
    const limit = options.pageSize ?? DEFAULTS.pageSize;
    const walked = await walk(context, id, { limit: String(limit) }, options.maxPages ?? DEFAULTS.maxPages);
    const nothing = unsampled(walked, id);
    if (nothing) return nothing;
    const judgement = new Judgement().saw(...walked.pages);
    const returned = new Set<string>();
    let seen = 0;
    for (const page of walked.pages) {
      const features = featuresOf(page) ?? [];
      seen += features.length;
      const matched = isJsonObject(page.json) ? page.json.numberMatched : undefined;
      if (typeof matched === 'number' && seen < matched && nextUrl(page) === undefined) {
        judgement.violation({
          rule: '/rec/core/fc-next-1',
          code: 'next-missing',
          message: `numberMatched is ${matched}, ${seen} features were returned so far, and the page has no next link`,
          fetched: page,
          pointer: '/links',
        });
      }
      if (features.length > limit) {
        judgement.violation({
          rule: '/rec/core/fc-next-3',
          code: 'page-over-limit',
          message: `the page has ${features.length} features, more than limit=${limit}`,
          fetched: page,
          pointer: '/features',
        });
      }
      for (const feature of features) {
        const fid = featureId(feature.feature);
        if (fid === undefined) continue;
        if (returned.has(fid))
          judgement.violation({
            rule: '/rec/core/fc-next-2',
            code: 'feature-repeated',
            message: `the feature ${fid} was returned on an earlier page`,
            fetched: page,
            pointer: feature.pointer,
          });
        returned.add(fid);
      }
      const pageBox = toBox(isJsonObject(page.json) ? page.json.bbox : undefined);
      const outside =
        pageBox &&
        walked.features.find((other) => {
          const box = boxOf(positions(other.feature.geometry));
          return box !== undefined && !contains(pageBox, box);
        });
      if (pageBox && outside && walked.pages.length > 1) {
        judgement.violation({
          rule: '/rec/core/fc-extent',
          code: 'bbox-of-page-only',
          message: `the bbox ${formatBox(pageBox)} of the page does not cover the feature at ${outside.pointer} of ${outside.fetched.url}`,
          fetched: page,
          pointer: '/bbox',
        });
      }
    }
    if (walked.cycle)
      judgement.violation({
        rule: '/rec/core/fc-next-2',
        code: 'next-cycle',
        message: `a next link leads back to ${walked.cycle}, a page already returned`,
        fetched: walked.pages.at(-1),
        pointer: '/links',
      });
    return judgement.output();
  },
});
