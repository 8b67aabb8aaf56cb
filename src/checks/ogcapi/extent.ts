/**
 * `ogcapi.extent`, per collection with a spatial extent: every feature konform walked through lies
 * in the first bounding box of `extent.spatial.bbox` (/req/core/fc-md-extent A,
 * /req/core/fc-md-extent-multi A) and, when there are more boxes, in one of the others
 * (/req/core/fc-md-extent-multi B). Temporal extents cannot be judged: Part 1 does not say which
 * property carries a feature's temporal geometry.
 */
import { boxOf, contains, positions, toBox, type Box } from '../../ogcapi/geometry.js';
import { isJsonObject } from '../../openapi/refs.js';
import { sawWalk, unsampled, walk } from './features.js';
import { Judgement, notJudged } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { formatBox } from './probe.js';

function spatialBoxes(entry: Record<string, unknown>): Box[] {
  const spatial = isJsonObject(entry.extent) ? entry.extent.spatial : undefined;
  const list = isJsonObject(spatial) && Array.isArray(spatial.bbox) ? spatial.bbox : [];
  return list.map(toBox).filter((box): box is Box => box !== undefined);
}

const EXTENT = '/req/core/fc-md-extent';
const MULTI = '/req/core/fc-md-extent-multi';

export const extentKind = perCollectionKind({
  name: 'ogcapi.extent',
  description: 'The sampled features lie inside the spatial extent /collections gives for their collection',
  rules: [EXTENT, MULTI],
  judge: async (context, options, { id, entry, pointer }) => {
    const [first, ...others] = spatialBoxes(entry);
    if (!first) return notJudged('inapplicable', `/collections gives no spatial extent for ${id}`);
    const walked = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    const nothing = unsampled(walked, id);
    if (nothing) return nothing;
    const judgement = sawWalk(new Judgement(), walked, [EXTENT, MULTI]);
    let examined = 0;
    for (const seen of walked.features) {
      const box = boxOf(positions(seen.feature.geometry));
      if (!box) continue;
      examined += 1;
      const at = `the feature at ${seen.pointer} (extent ${formatBox(box)})`;
      if (!contains(first, box)) {
        for (const rule of [EXTENT, MULTI]) {
          judgement.violation({
            rule,
            code: 'outside-extent',
            message: `${at} lies outside the first bbox ${formatBox(first)} of the collection's extent (${pointer}/extent)`,
            fetched: seen.fetched,
            pointer: seen.pointer,
            params: { extent: first, feature: box },
          });
        }
      } else if (others.length > 0 && !others.some((other) => contains(other, box))) {
        judgement.violation({
          rule: MULTI,
          code: 'outside-extent',
          message: `${at} lies in none of the further bboxes of the collection's extent`,
          fetched: seen.fetched,
          pointer: seen.pointer,
          params: { feature: box },
        });
      }
    }
    // Features without a geometry have nothing to lie inside the extent.
    return judgement.output(examined > 0 ? undefined : []);
  },
});
