/**
 * The bounding-box probe of a collection: a small box around the first position of the first
 * feature with a geometry on the first page, so that a query with it selects few features
 * however large the collection is. The bbox, numberMatched and limit checks share its walk.
 */
import { boxOf, positions, type Box } from '../../ogcapi/geometry.js';
import type { CheckOutput } from '../../model/types.js';
import type { CheckContext } from '../types.js';
import { featuresOf, walk, type Walk } from './features.js';
import { notJudged } from './judgement.js';
import { DEFAULTS, type OgcOptions } from './options.js';
import { items } from './resources.js';

/** Half the side of the probe box, in degrees (about 10 cm at the equator). */
const MARGIN = 1e-6;

export interface Probe {
  box: Box;
  query: Record<string, string>;
  walk: Walk;
}

export const formatBox = (box: Box) => box.map((value) => String(Number(value.toFixed(9)))).join(',');

/** The probe; or, when there is none, the output of a check that needs it. */
export async function bboxProbe(
  context: CheckContext,
  collectionId: string,
  options: OgcOptions,
): Promise<{ probe: Probe } | { output: CheckOutput }> {
  const first = await items(context, collectionId);
  const features = first.response?.status === 200 ? featuresOf(first) : undefined;
  const evidence = first.response ? [first.response.exchangeId] : [];
  if (!features) {
    return {
      output: {
        outcome: 'cantTell',
        findings: [
          {
            code: 'no-sample',
            message: `konform could not read features from /collections/${collectionId}/items (see the items check)`,
            severity: 'info',
          },
        ],
        evidence,
      },
    };
  }
  const point = features.map((seen) => positions(seen.feature.geometry)[0]).find((position) => position !== undefined);
  const centre = point ? boxOf([point]) : undefined;
  if (!centre)
    return {
      output: {
        ...notJudged('inapplicable', `the first page of /collections/${collectionId}/items shows no feature with a geometry`),
        evidence,
      },
    };
  const box: Box = [centre[0] - MARGIN, centre[1] - MARGIN, centre[2] + MARGIN, centre[3] + MARGIN];
  const query = { bbox: formatBox(box), limit: String(options.pageSize ?? DEFAULTS.pageSize) };
  return { probe: { box, query, walk: await walk(context, collectionId, query, options.maxPages ?? DEFAULTS.maxPages) } };
}
