/**
 * `ogcapi.limit`, per collection: the items operation accepts `limit` (/req/core/fc-limit-definition),
 * answers with no more features than it asks for (/req/core/fc-limit-response-1 A; fewer is
 * allowed, /per/core/fc-limit-response-2) and does not refuse a limit above the maximum, 10 000
 * unless the API definition says otherwise (C). The large limit is sent with the bbox probe, so
 * that the answer stays small.
 */
import { expectJson200 } from './expect.js';
import { featuresOf, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { bboxProbe } from './probe.js';
import { items } from './resources.js';

const RESPONSE = '/req/core/fc-limit-response-1';
/** One above the maximum of `limit` in /req/core/fc-limit-definition. */
const ABOVE_MAXIMUM = '10001';

export const limitKind = perCollectionKind({
  name: 'ogcapi.limit',
  description: 'The items operation accepts limit, answers with at most that many features and does not refuse a limit above the maximum',
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const limit = options.pageSize ?? DEFAULTS.pageSize;
    const walked = await walk(context, id, { limit: String(limit) }, 1);
    const page = walked.pages[0] ?? walked.broken;
    if (page && expectJson200(judgement, page, '/req/core/fc-limit-definition', `the query with limit=${limit}`) !== undefined) {
      const count = featuresOf(page)?.length ?? 0;
      if (count > limit) {
        judgement.violation({
          rule: RESPONSE,
          code: 'limit-exceeded',
          message: `limit=${limit} was answered with ${count} features`,
          fetched: page,
          pointer: '/features',
          params: { limit, features: count },
        });
      }
    }
    const sampled = await bboxProbe(context, id, options);
    if ('probe' in sampled) {
      const above = await items(context, id, { bbox: sampled.probe.query.bbox ?? '', limit: ABOVE_MAXIMUM });
      expectJson200(judgement, above, RESPONSE, `the query with limit=${ABOVE_MAXIMUM}, above the maximum,`);
    }
    return judgement.output();
  },
});
