/**
 * `ogcapi.query-parameters`, per collection: the items operation answers 400 to a query parameter
 * with an invalid value, a `limit` that is no integer and a `bbox` of three numbers
 * (/req/core/query-param-invalid), and to a query parameter the API does not specify
 * (/req/core/query-param-unknown).
 */
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { items } from './resources.js';

const PROBES: ReadonlyArray<{ rule: string; query: Record<string, string>; what: string }> = [
  { rule: '/req/core/query-param-invalid', query: { limit: 'ten' }, what: 'limit=ten, which is no integer' },
  { rule: '/req/core/query-param-invalid', query: { bbox: '1,2,3' }, what: 'bbox=1,2,3, which has neither four nor six numbers' },
  {
    rule: '/req/core/query-param-unknown',
    query: { 'konform-unknown-parameter': '1' },
    what: 'konform-unknown-parameter=1, which no API specifies',
  },
];

export const queryParametersKind = perCollectionKind({
  name: 'ogcapi.query-parameters',
  description: 'The items operation answers 400 to an invalid and to an unknown query parameter',
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    for (const { rule, query, what } of PROBES) {
      const fetched = await items(context, id, query);
      judgement.saw(fetched);
      if (fetched.failure)
        judgement.undecided({
          rule,
          code: 'transport-failure',
          message: `GET ${fetched.url} failed (${fetched.failure.reason})`,
          fetched,
        });
      else if (fetched.response?.status !== 400) {
        judgement.violation({
          rule,
          code: 'not-400',
          message: `${what}, was answered ${fetched.response?.status}, not 400`,
          fetched,
          params: { status: fetched.response?.status, query },
        });
      }
    }
    return judgement.output();
  },
});
