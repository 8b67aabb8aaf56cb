/**
 * `ogcapi.datetime-filter`, per collection with a temporal extent: every temporal geometry lies in
 * the collection's temporal extent (/req/core/fc-md-extent), and features without one match any
 * `datetime` (/req/core/fc-time-response C), so `datetime` set to the extent's first interval
 * selects every feature (/req/core/fc-time-response A). konform compares the features of both
 * queries when it can walk both to the end, else their `numberMatched`; without either, `untested`.
 */
import { isJsonObject } from '../../openapi/refs.js';
import { expectJson200 } from './expect.js';
import { featureId, walk, type Walk } from './features.js';
import { Judgement, notJudged } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';

const RULE = '/req/core/fc-time-response';

/** The first interval of `extent.temporal` as a `datetime` value, `..` for an open end. */
function extentInterval(entry: Record<string, unknown>): string | undefined {
  const temporal = isJsonObject(entry.extent) ? entry.extent.temporal : undefined;
  const interval = isJsonObject(temporal) && Array.isArray(temporal.interval) ? temporal.interval[0] : undefined;
  if (!Array.isArray(interval) || interval.length !== 2) return undefined;
  const [start, end] = interval.map((value) => (typeof value === 'string' ? value : '..'));
  return start === '..' && end === '..' ? undefined : `${start}/${end}`;
}

const matched = (walked: Walk) => (isJsonObject(walked.pages[0]?.json) ? walked.pages[0].json.numberMatched : undefined);
const identities = (walked: Walk) => walked.features.map((seen, index) => featureId(seen.feature) ?? `#${index}`).sort();

export const datetimeFilterKind = perCollectionKind({
  name: 'ogcapi.datetime-filter',
  description: 'datetime set to the temporal extent of a collection selects every feature',
  rules: [RULE],
  judge: async (context, options, { id, entry }) => {
    const interval = extentInterval(entry);
    if (!interval)
      return notJudged(
        'inapplicable',
        `/collections lists no bounded temporal extent for ${id}, so konform cannot tell which features have a temporal geometry`,
      );
    const limit = String(options.pageSize ?? DEFAULTS.pageSize);
    const maxPages = options.maxPages ?? DEFAULTS.maxPages;
    const [all, filtered] = [
      await walk(context, id, { limit }, maxPages),
      await walk(context, id, { datetime: interval, limit }, maxPages),
    ];
    const judgement = new Judgement().saw(...all.pages, ...filtered.pages);
    const first = filtered.pages[0] ?? filtered.broken;
    if (!first || expectJson200(judgement, first, RULE, `the query with datetime=${interval}`) === undefined) return judgement.stopped();
    const [expected, got] =
      all.complete && filtered.complete ? [identities(all), identities(filtered)] : [matched(all), matched(filtered)];
    if (expected === undefined || got === undefined)
      return {
        ...notJudged('untested', `the queries could not be walked to the end within maxPages (${maxPages}) and give no numberMatched`),
        evidence: judgement.output().evidence,
      };
    const count = (value: unknown) => (Array.isArray(value) ? value.length : value);
    // A collection without features has none a datetime could select.
    if (count(expected) === 0 && count(got) === 0) {
      const none = notJudged('inapplicable', `/collections/${id}/items has no features`);
      return { ...none, evidence: judgement.output().evidence };
    }
    if (JSON.stringify(expected) !== JSON.stringify(got)) {
      judgement.violation({
        rule: RULE,
        code: 'datetime-misses-features',
        message: `datetime=${interval}, the temporal extent of the collection, selects ${String(count(got))} features, not all ${String(count(expected))}`,
        fetched: first,
        params: { datetime: interval, expected: count(expected), selected: count(got) },
      });
    }
    return judgement.output();
  },
});
