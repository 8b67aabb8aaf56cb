/**
 * `ogcapi.query-parameters`, per collection: the items operation answers 400 to a query parameter
 * with an invalid value, a `limit` that is no integer and a `bbox` of three numbers
 * (/req/core/query-param-invalid), and to a query parameter the API does not specify
 * (/req/core/query-param-unknown). Where the API definition gives the operation a free-form
 * parameter (one admitting any name), no parameter is unspecified: the latter is inapplicable.
 */
import { freeFormParameter } from '../../ogcapi/items-operation.js';
import type { CheckContext } from '../types.js';
import { declaredItemsOperation } from './declared-items-operation.js';
import type { Fetched } from './fetch.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { items } from './resources.js';

const INVALID = '/req/core/query-param-invalid';
const UNKNOWN = '/req/core/query-param-unknown';

const INVALID_PROBES: ReadonlyArray<{ query: Record<string, string>; what: string }> = [
  { query: { limit: 'ten' }, what: 'limit=ten, which is no integer' },
  { query: { bbox: '1,2,3' }, what: 'bbox=1,2,3, which has neither four nor six numbers' },
];
const UNKNOWN_PROBE = { query: { 'konform-unknown-parameter': '1' }, what: 'konform-unknown-parameter=1, which no API specifies' };

/** Judges that the answer is 400; `undecidable` says why a different answer cannot be judged, where it cannot. */
function expect400(judgement: Judgement, fetched: Fetched, rule: string, what: string, undecidable?: string): void {
  judgement.saw(fetched);
  const status = fetched.response?.status;
  if (fetched.failure) {
    judgement.unanswered(rule, fetched);
  } else if (status !== 400 && undecidable !== undefined) {
    judgement.undecided({ rule, code: 'definition-unavailable', message: `${what}, was answered ${status}; ${undecidable}`, fetched });
  } else if (status !== 400) {
    judgement.violation({ rule, code: 'not-400', message: `${what}, was answered ${status}, not 400`, fetched, params: { status } });
  }
}

/** Judges the unknown parameter; false when the definition specifies every parameter name (and a note says why). */
async function judgeUnknown(context: CheckContext, judgement: Judgement, id: string): Promise<boolean> {
  const declared = await declaredItemsOperation(context, id);
  if (!declared.found) {
    const undecidable = `konform could not read the API definition (${declared.reason}), so it cannot tell whether it specifies the parameter`;
    expect400(judgement, await items(context, id, UNKNOWN_PROBE.query), UNKNOWN, UNKNOWN_PROBE.what, undecidable);
    return true;
  }
  const { document, operation } = declared;
  const freeForm = operation ? freeFormParameter(document, operation) : undefined;
  if (!operation || !freeForm) {
    expect400(judgement, await items(context, id, UNKNOWN_PROBE.query), UNKNOWN, UNKNOWN_PROBE.what);
    return true;
  }
  judgement.note(
    'free-form-parameter',
    `the API definition gives ${operation.key} the free-form query parameter ${freeForm.name} (style form, explode true, ` +
      'any property name): it specifies every parameter name, so no unknown one can be sent',
    { parameter: freeForm.name, pointer: freeForm.pointer },
  );
  return false;
}

export const queryParametersKind = perCollectionKind({
  name: 'ogcapi.query-parameters',
  description: 'The items operation answers 400 to an invalid and to an unknown query parameter',
  rules: [INVALID, UNKNOWN],
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    for (const { query, what } of INVALID_PROBES) expect400(judgement, await items(context, id, query), INVALID, what);
    const unknownJudged = await judgeUnknown(context, judgement, id);
    return judgement.output(unknownJudged ? undefined : [INVALID]);
  },
});
