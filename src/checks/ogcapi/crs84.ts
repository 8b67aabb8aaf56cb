/**
 * `ogcapi.crs84`, per collection: every position of every feature konform walked through lies in
 * the range of WGS 84 longitude/latitude, the default coordinate reference system
 * (/req/core/crs84). A position outside it cannot be CRS84; one inside may still be in another
 * system, which a client cannot tell.
 */
import { insideCrs84, positions } from '../../ogcapi/geometry.js';
import { sawWalk, unsampled, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';

/** Findings per collection: one misplaced dataset should not flood the report. */
const MAX_FINDINGS = 20;

const RULE = '/req/core/crs84';

export const crs84Kind = perCollectionKind({
  name: 'ogcapi.crs84',
  description: 'Every position of the sampled features lies in the range of WGS 84 longitude/latitude (CRS84)',
  rules: [RULE],
  judge: async (context, options, { id }) => {
    const walked = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    const judgement = sawWalk(new Judgement(), walked, [RULE]);
    const nothing = unsampled(walked, id);
    if (nothing) return nothing;
    // Features without a geometry have no position to examine.
    if (!walked.features.some((seen) => positions(seen.feature.geometry).length > 0)) return judgement.output([]);
    const outside = walked.features.flatMap((seen) => {
      const position = positions(seen.feature.geometry).find((candidate) => !insideCrs84(candidate));
      return position ? [{ seen, position }] : [];
    });
    for (const { seen, position } of outside.slice(0, MAX_FINDINGS)) {
      judgement.violation({
        rule: RULE,
        code: 'outside-crs84',
        message: `the feature at ${seen.pointer} has the position [${position.join(', ')}], outside longitude -180..180 / latitude -90..90`,
        fetched: seen.fetched,
        pointer: `${seen.pointer}/geometry`,
        params: { position },
      });
    }
    return judgement.output();
  },
});
