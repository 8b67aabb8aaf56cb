/**
 * `oparl.links-resolve`: every URL the server gives for an object or list answers, to a plain
 * GET without cookies or other session state, with 2xx (OParl §3 "jedes Objekt muss unter seiner
 * ID abrufbar sein"; §2.3 stateless access). 404 and 410 say an object was deleted without the
 * soft delete §2.8 demands (OParl 1.0 demands it of the types in `softDeleteTypes` only; for
 * the others the object is just not retrievable); 401 and 403 say the URL alone does not give
 * access (§2.3). A transport failure (or a host konform may not contact) leaves the link
 * undecided. Failures are grouped by the type of object the link should have led to; a type the
 * crawl met no link to is undecided where a link konform could not follow may lead to it.
 */
import type { Finding } from '../../model/types.js';
import type { CrawlFailure } from '../../crawl/types.js';
import { cutOffOf, unreachedOf } from '../../oparl/crawl.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { unansweredFinding } from '../../oparl/findings.js';
import { isJsonObject } from '../../openapi/refs.js';
import { RULE, type Rule } from '../../oparl/rules.js';
import { everyTypeKind } from './every-type-kind.js';
import type { OParlOptions } from './shared.js';

export type LinksResolveOptions = OParlOptions & { softDeleteTypes?: string[] };

function ruleOf(failure: CrawlFailure, softDelete: boolean): Rule {
  if (softDelete && (failure.status === 404 || failure.status === 410)) return RULE.DEL_SOFT;
  if (failure.status === 401 || failure.status === 403) return RULE.URL_STATELESS;
  return RULE.OBJ_RETRIEVABLE;
}

/** A link answered with an error status fails its rule; one without an answer leaves it undecided. */
function failureFinding(failure: CrawlFailure, softDelete: boolean): Finding {
  const rule = ruleOf(failure, softDelete);
  const linked = failure.via ? { params: { from: failure.via.from }, pointer: failure.via.pointer } : {};
  if (failure.status === undefined) return unansweredFinding(failure, rule, linked);
  const from = failure.via ? ` (linked from ${failure.via.from} at ${failure.via.pointer})` : '';
  return {
    code: 'link-status',
    message: `${failure.url}${from}: ${failure.message}`,
    params: { url: failure.url, status: failure.status, ...linked.params },
    rule,
    ...(failure.via ? { location: { bodyPointer: failure.via.pointer } } : {}),
    exchange: failure.exchange,
  };
}

export const linksResolveKind = everyTypeKind<LinksResolveOptions>({
  name: 'oparl.links-resolve',
  description: 'Every URL the server gives for an object or list is retrievable',
  decides: [RULE.OBJ_RETRIEVABLE, RULE.URL_STATELESS, RULE.DEL_SOFT],
  properties: { softDeleteTypes: { type: 'array', items: { type: 'string' } } },
  judge(crawl, type, options, check) {
    const { occurrences } = crawl;
    const failures = crawl.record.failures.filter((failure) => occurrences.typeOfLink(failure.via) === type);
    const reached = [...crawl.fetched.values()].filter((fetched) => occurrences.expectedOf(fetched.url) === type);
    const nothing = type ? `the crawl met no link to an oparl:${type}` : 'every link the crawl followed was to an object of known type';
    const softDelete = !options.softDeleteTypes || (type !== undefined && options.softDeleteTypes.includes(type));
    const findings = failures.map((failure) => failureFinding(failure, softDelete));
    // A link that answered is a case of retrievable, stateless access; one to a deleted object, of
    // the soft delete (§2.8). Failures are cases of the rules their findings name.
    const softDeleted = softDelete ? reached.filter((fetched) => isJsonObject(fetched.json) && fetched.json.deleted === true).length : 0;
    const cases = { ...casesOfEach(check.verifies, reached.length), [RULE.DEL_SOFT]: softDeleted };
    const unreached = failures.length + reached.length > 0 ? [] : unreachedOf(crawl, type);
    return judgeCases(check, { findings, cases, cutOff: cutOffOf(crawl, type), unreached, nothing }, options.maxFindings);
  },
});
