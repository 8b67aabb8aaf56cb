/**
 * `ogcapi.bbox`, per collection: the items operation accepts `bbox` (/req/core/fc-bbox-definition)
 * and returns only features whose geometry intersects it (/req/core/fc-bbox-response A; features
 * without a geometry match, C), so that the response holds only selected features
 * (/req/core/fc-response B). A geometry is judged by its bounding box: when even that misses the
 * box, the geometry does.
 */
import { boxOf, intersects, positions } from '../../ogcapi/geometry.js';
import { expectJson200 } from './expect.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { bboxProbe, formatBox } from './probe.js';

const DEFINITION = '/req/core/fc-bbox-definition';
/** The selected features are in the box, and they are the response to the query. */
const RESPONSE = ['/req/core/fc-bbox-response', '/req/core/fc-response'];

export const bboxKind = perCollectionKind({
  name: 'ogcapi.bbox',
  description: 'A bbox query answers 200 with only the features whose geometry intersects the box',
  rules: [DEFINITION, ...RESPONSE],
  judge: async (context, options, { id }) => {
    const sampled = await bboxProbe(context, id, options);
    if ('output' in sampled) return sampled.output;
    const { probe } = sampled;
    const judgement = new Judgement();
    const [page] = probe.walk.pages;
    const answer = page ?? probe.walk.broken;
    if (!answer) return judgement.output([]);
    if (expectJson200(judgement, answer, DEFINITION, `the query with bbox=${formatBox(probe.box)}`) === undefined)
      return judgement.output();
    for (const seen of probe.walk.features) {
      const box = boxOf(positions(seen.feature.geometry));
      if (box === undefined || intersects(box, probe.box)) continue;
      for (const rule of RESPONSE) {
        judgement.violation({
          rule,
          code: 'outside-bbox',
          message: `the feature at ${seen.pointer} lies outside bbox=${formatBox(probe.box)} (its extent is ${formatBox(box)})`,
          fetched: seen.fetched,
          pointer: seen.pointer,
          params: { bbox: probe.box, extent: box },
        });
      }
    }
    judgement.saw(...probe.walk.pages);
    // An answer without features has none that could lie outside the box.
    return judgement.output(probe.walk.features.length > 0 ? undefined : [DEFINITION]);
  },
});
