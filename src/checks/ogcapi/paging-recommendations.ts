/**
 * `ogcapi.paging-recommendations`, per collection, on the pages konform walks with `limit`:
 * a page followed by more selected features links the next one (/rec/core/fc-next-1: a case is a
 * page after which `numberMatched` says more features follow, or whose `next` link led to more);
 * a `next` page brings features not returned before and never leads back (/rec/core/fc-next-2);
 * it holds no more features than the limit asked for (/rec/core/fc-next-3); a page's `bbox` member
 * covers the whole result, not just the page (/rec/core/fc-extent, where the walk has several pages).
 * A recommendation none of whose cases the walk met is inapplicable: no `next` link, nothing to page.
 */
import { boxOf, contains, positions, toBox } from '../../ogcapi/geometry.js';
import { isJsonObject } from '../../openapi/refs.js';
import { featureId, featuresOf, nextUrl, sawWalk, unsampled, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { formatBox } from './probe.js';

const NEXT_1 = '/rec/core/fc-next-1';
const NEXT_2 = '/rec/core/fc-next-2';
const NEXT_3 = '/rec/core/fc-next-3';
const EXTENT = '/rec/core/fc-extent';

export const pagingRecommendationsKind = perCollectionKind({
  name: 'ogcapi.paging-recommendations',
  description: 'next links lead through the whole selection without repeats, within the limit, and a page bbox covers the whole result',
  rules: [NEXT_1, NEXT_2, NEXT_3, EXTENT],
  judge: async (context, options, { id }) => {
    const limit = options.pageSize ?? DEFAULTS.pageSize;
    const walked = await walk(context, id, { limit: String(limit) }, options.maxPages ?? DEFAULTS.maxPages);
    const nothing = unsampled(walked, id);
    if (nothing) return nothing;
    const judgement = sawWalk(new Judgement(), walked, [NEXT_1, NEXT_2, NEXT_3, EXTENT]);
    const examined = new Set<string>();
    const paged = walked.pages.length > 1 || walked.cycle !== undefined;
    if (paged) examined.add(NEXT_2);
    const returned = new Set<string>();
    let seen = 0;
    walked.pages.forEach((page, index) => {
      const features = featuresOf(page) ?? [];
      seen += features.length;
      const matched = isJsonObject(page.json) ? page.json.numberMatched : undefined;
      const following = walked.pages[index + 1];
      if (following && (featuresOf(following) ?? []).length > 0) examined.add(NEXT_1);
      if (typeof matched === 'number' && seen < matched) {
        examined.add(NEXT_1);
        if (nextUrl(page) === undefined)
          judgement.violation({
            rule: NEXT_1,
            code: 'next-missing',
            message: `numberMatched is ${matched}, ${seen} features were returned so far, and the page has no next link`,
            fetched: page,
            pointer: '/links',
          });
      }
      if (index > 0) {
        examined.add(NEXT_3);
        if (features.length > limit)
          judgement.violation({
            rule: NEXT_3,
            code: 'page-over-limit',
            message: `the page a next link led to has ${features.length} features, more than limit=${limit}`,
            fetched: page,
            pointer: '/features',
          });
      }
      for (const feature of features) {
        const fid = featureId(feature.feature);
        if (fid === undefined) continue;
        if (returned.has(fid))
          judgement.violation({
            rule: NEXT_2,
            code: 'feature-repeated',
            message: `the feature ${fid} was returned on an earlier page`,
            fetched: page,
            pointer: feature.pointer,
          });
        returned.add(fid);
      }
      const pageBox = toBox(isJsonObject(page.json) ? page.json.bbox : undefined);
      if (!pageBox || walked.pages.length < 2) return;
      examined.add(EXTENT);
      const outside = walked.features.find((other) => {
        const box = boxOf(positions(other.feature.geometry));
        return box !== undefined && !contains(pageBox, box);
      });
      if (outside)
        judgement.violation({
          rule: EXTENT,
          code: 'bbox-of-page-only',
          message: `the bbox ${formatBox(pageBox)} of the page does not cover the feature at ${outside.pointer} of ${outside.fetched.url}`,
          fetched: page,
          pointer: '/bbox',
        });
    });
    if (walked.cycle)
      judgement.violation({
        rule: NEXT_2,
        code: 'next-cycle',
        message: `a next link leads back to ${walked.cycle}, a page already returned`,
        fetched: walked.pages.at(-1),
        pointer: '/links',
      });
    return judgement.output([...examined].sort());
  },
});
