/**
 * `ogcapi.not-found`: a collection and a feature the server does not have answer 404, as HTTP/1.1
 * prescribes for a resource that does not exist (/req/core/http: RFC 7231 §6.5.4, now RFC 9110
 * §15.5.5; OGC 17-069r4 §7.5.1 lists 404 for an incorrect path parameter).
 */
import type { Fetched } from './fetch.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { collection, feature, listedCollections } from './resources.js';

const RULE = '/req/core/http';
/** Identifiers no real collection or feature carries. */
export const UNKNOWN_ID = 'konform-no-such-id-7f3a9c';

function expect404(judgement: Judgement, fetched: Fetched, what: string): void {
  judgement.saw(fetched);
  if (fetched.failure) {
    judgement.unanswered(RULE, fetched);
  } else if (fetched.response.status !== 404) {
    judgement.violation({
      rule: RULE,
      code: 'not-404',
      message: `${what} answered ${fetched.response.status}, not 404`,
      fetched,
      params: { status: fetched.response.status },
    });
  }
}

export const notFoundKind = ogcKind({
  name: 'ogcapi.not-found',
  description: 'An unknown collection and an unknown feature answer 404',
  rules: [RULE],
  judge: async (context, options) => {
    const judgement = new Judgement();
    expect404(judgement, await collection(context, UNKNOWN_ID), 'an unknown collection');
    const [first] = (await listedCollections(context)) ?? [];
    if (first) expect404(judgement, await feature(context, first.id, UNKNOWN_ID), `an unknown feature of ${first.id}`);
    return judgement.output();
  },
});
