/**
 * `oparl.id-matches-url`: an object fetched at a URL says that URL is its `id` (OParl §2.3 URL
 * canonicalisation: exactly one URL per object; §3.1 `id`). The URLs are compared after the
 * normalisation every HTTP client applies (scheme and host case, default port, percent-encoding
 * of unreserved characters); case, slashes and leading zeros of the path and the spelling of the
 * query stay significant (§2.3). A redirect is followed: the final URL counts.
 */
import { normaliseUrl } from '../../crawl/index.js';
import { objectFinding } from '../../oparl/findings.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind } from './shared.js';

const hasQuery = ({ object, response }: Occurrence) => [object.id, response.finalUrl ?? response.url].some((url) => typeof url === 'string' && URL.canParse(url) && new URL(url).search !== '');

/** The rule a difference between two URLs breaks: the path's, the query's, or canonicity as such. */
function ruleOf(id: URL, served: URL) {
  if (id.origin === served.origin && id.pathname !== served.pathname) return RULE.URL_PATH_CANONICAL;
  if (id.origin === served.origin && id.search !== served.search) return RULE.URL_QUERY_CANONICAL;
  return RULE.URL_CANONICAL;
}

export const idMatchesUrlKind = perTypeKind({
  name: 'oparl.id-matches-url',
  description: "Every object's id is the URL it is served at",
  decides: [RULE.URL_CANONICAL, RULE.URL_PATH_CANONICAL, RULE.URL_QUERY_CANONICAL],
  // An object without an id has no URL of its own to compare (object-schema fails it): no case.
  select: (occurrences) => occurrences.filter((occurrence) => occurrence.role === 'fetched' && typeof occurrence.object.id === 'string'),
  // Only an object whose id or URL has a query is a case of the query's spelling.
  rules: (selected, { check }) => (selected.some(hasQuery) ? check.verifies : check.verifies.filter((rule) => rule !== RULE.URL_QUERY_CANONICAL)),
  examine(occurrence) {
    const served = occurrence.response.finalUrl ?? occurrence.response.url;
    const { id } = occurrence.object;
    if (typeof id !== 'string') return [];
    const normalised = normaliseUrl(id);
    if (normalised === served) return [];
    const rule = normalised ? ruleOf(new URL(normalised), new URL(served)) : RULE.URL_CANONICAL;
    return [objectFinding(occurrence, rule, 'id-not-url', `the object served here has the id ${JSON.stringify(id)}`, { pointer: '/id', params: { served } })];
  },
});
