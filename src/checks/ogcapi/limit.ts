/**
 * `ogcapi.limit`, per collection: the items operation accepts `limit` (/req/core/fc-limit-definition)
 * and answers with no more features than it asks for, nor than the maximum the API definition
 * gives (/req/core/fc-limit-response-1 A, B; fewer is allowed, /per/core/fc-limit-response-2), and
 * does not refuse a limit above that maximum (C). The bounds are those of the `limit` parameter of
 * the items operation in the API definition, else the standard's example 1..10 000; a request
 * without `limit` gets no more than the definition's default. Besides the page size of the walks,
 * konform asks for the minimum, below the number of features that page showed, so that a server
 * ignoring `limit` shows even on a small collection; the limit above the maximum is sent with the
 * bbox probe, so that the answer stays small.
 */
import { limitBounds, type LimitBounds } from '../../ogcapi/items-operation.js';
import { declaredItemsOperation } from './declared-items-operation.js';
import { expectJson200 } from './expect.js';
import type { Fetched } from './fetch.js';
import { featuresOf, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { bboxProbe } from './probe.js';
import { items } from './resources.js';

const DEFINITION = '/req/core/fc-limit-definition';
const RESPONSE = '/req/core/fc-limit-response-1';

/** Judges the 200 to `limit` (under `rule`) and the number of features; the number, when the page could be read. */
function expectWithin(
  judgement: Judgement,
  page: Fetched,
  limit: number,
  bounds: LimitBounds,
  rule: string,
  what = `limit=${limit}`,
): number | undefined {
  if (expectJson200(judgement, page, rule, `the query with ${what}`) === undefined) return undefined;
  const count = featuresOf(page)?.length ?? 0;
  const most = Math.min(limit, bounds.maximum);
  if (count > most) {
    const cap = limit > bounds.maximum ? `the maximum ${bounds.maximum} of limit in the API definition` : String(limit);
    judgement.violation({
      rule: RESPONSE,
      code: 'limit-exceeded',
      message: `${what} was answered with ${count} features, more than ${cap}`,
      fetched: page,
      pointer: '/features',
      params: { limit, maximum: bounds.maximum, features: count },
    });
  }
  return count;
}

export const limitKind = perCollectionKind({
  name: 'ogcapi.limit',
  description: 'The items operation accepts limit, answers with at most that many features and does not refuse a limit above the maximum',
  rules: [DEFINITION, RESPONSE],
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const declared = await declaredItemsOperation(context, id);
    const bounds = declared.found ? limitBounds(declared.document, declared.operation) : limitBounds(undefined, undefined);
    const plain = await items(context, id);
    if (bounds.default !== undefined && plain.response?.status === 200 && featuresOf(plain)) {
      const what = `no limit (so the default ${bounds.default} of the API definition)`;
      expectWithin(judgement, plain, bounds.default, bounds, RESPONSE, what);
    }
    const pageSize = options.pageSize ?? DEFAULTS.pageSize;
    const walked = await walk(context, id, { limit: String(pageSize) }, 1);
    const page = walked.pages[0] ?? walked.broken;
    const count = page ? expectWithin(judgement, page, pageSize, bounds, DEFINITION) : undefined;
    if (count !== undefined && count > bounds.minimum) {
      const small = await items(context, id, { limit: String(bounds.minimum) });
      expectWithin(judgement, small, bounds.minimum, bounds, DEFINITION);
    }
    const sampled = await bboxProbe(context, id, options);
    if ('probe' in sampled) {
      const above = bounds.maximum + 1;
      const fetched = await items(context, id, { bbox: sampled.probe.query.bbox ?? '', limit: String(above) });
      expectWithin(judgement, fetched, above, bounds, RESPONSE, `limit=${above}, above the maximum ${bounds.maximum},`);
    }
    return judgement.output();
  },
});
