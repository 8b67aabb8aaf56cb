/**
 * `oparl.filters`: the filters of external object lists filter (OParl §2.5 Filter): with
 * `created_since`, `created_until`, `modified_since` or `modified_until` set to a date-time the
 * list's objects straddle, every object returned matches, and — for a list the crawl read to
 * its end — every object that matches is returned; the `links` of the filtered pages keep the
 * filter. Deleted objects, which `modified_since` brings along (§2.5), are the deleted-objects
 * check's. Whether `limit` is honoured is reported as information: a server need not (§2.5).
 * The first `lists` lists of each type are tried, each filtered list read up to `maxPages` pages.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { CrawledList, Fetched } from '../../crawl/types.js';
import { cutOffOf, oparlCrawl, unreachedOf } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { instantOf } from '../../oparl/formats.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { bodyListsOf, pageItems, pageLinks, readList, unreadFinding, withParameters } from '../../oparl/lists.js';
import { RULE } from '../../oparl/rules.js';
import { dateTimeOf, splittingInstant } from '../../oparl/time.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

export type FiltersOptions = OParlOptions & { lists?: number; maxPages?: number };

const LINKS = ['first', 'prev', 'self', 'next', 'last'];

async function filterFindings(context: CheckContext, list: CrawledList, attribute: 'created' | 'modified', maxPages: number): Promise<Finding[]> {
  const first = list.pages[0] as Fetched;
  const items = list.pages.flatMap(pageItems).filter((item) => item.deleted !== true);
  const threshold = splittingInstant(items.map((item) => instantOf(item[attribute])));
  const value = dateTimeOf(threshold);
  const findings: Finding[] = [];
  for (const [parameter, matches] of [
    [`${attribute}_since`, (time: number) => time >= threshold],
    [`${attribute}_until`, (time: number) => time <= threshold],
  ] as const) {
    const read = await readList(context, withParameters(first.url, { [parameter]: value }), maxPages);
    const filter = `${parameter}=${value}`;
    if (read.end === 'failed') {
      findings.push(unreadFinding(read.unread, RULE.LIST_FILTERS, 'filter-refused', `with ${filter}: `));
      continue;
    }
    const returned = read.pages.flatMap(pageItems).filter((item) => item.deleted !== true);
    const wrong = returned.find((item) => instantOf(item[attribute]) !== undefined && !matches(instantOf(item[attribute]) as number));
    const page = read.pages[0] ?? { url: first.url, exchange: first.exchange };
    if (wrong) {
      findings.push(responseFinding(page, RULE.LIST_FILTERS, 'filter-ignored', `with ${filter} the list returns ${JSON.stringify(wrong.id)}, whose ${attribute} is ${JSON.stringify(wrong[attribute])}`, { params: { parameter, value } }));
    }
    const returnedIds = new Set(returned.map((item) => item.id));
    const strictly = (time: number | undefined) => time !== undefined && time !== threshold && matches(time);
    const missing = list.end === 'complete' && read.end === 'complete' ? items.find((item) => strictly(instantOf(item[attribute])) && !returnedIds.has(item.id)) : undefined;
    if (missing) {
      findings.push(responseFinding(page, RULE.LIST_FILTERS, 'filter-incomplete', `with ${filter} the list leaves out ${JSON.stringify(missing.id)}, whose ${attribute} is ${JSON.stringify(missing[attribute])}`, { params: { parameter, value } }));
    }
    for (const filtered of read.pages) {
      const lost = LINKS.find((name) => {
        const link = pageLinks(filtered)[name];
        return typeof link === 'string' && URL.canParse(link) && instantOf(new URL(link).searchParams.get(parameter)) !== threshold;
      });
      if (lost) findings.push(responseFinding(filtered, RULE.LIST_FILTERS_KEPT, 'filter-lost', `links.${lost} of the list with ${filter} drops the filter`, { pointer: `/links/${lost}` }));
    }
  }
  return findings;
}

async function limitFindings(context: CheckContext, list: CrawledList): Promise<Finding[]> {
  const read = await readList(context, withParameters((list.pages[0] as Fetched).url, { limit: '1' }), 1);
  const page = read.pages[0];
  if (!page || pageItems(page).length <= 1) return [];
  const message = `with limit=1 the first page has ${pageItems(page).length} objects: the server does not honour limit (it need not)`;
  return [responseFinding(page, RULE.LIST_LIMIT, 'limit-not-honoured', message, { severity: 'info' })];
}

export const filtersKind: CheckKind<FiltersOptions> = {
  name: 'oparl.filters',
  description: 'created_since, created_until, modified_since and modified_until filter, and links keep them',
  optionsSchema: optionsSchema({ lists: { type: 'integer', minimum: 1, default: 1 }, maxPages: { type: 'integer', minimum: 1, default: 2 } }),
  needs: ['endpoint'],
  waitsOnRequests: true,
  lint: lintDeciding([RULE.LIST_FILTERS, RULE.LIST_FILTERS_KEPT, RULE.LIST_LIMIT]),
  subjects: (context) => typeSubjects(context),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subjectType(subject);
    const lists = bodyListsOf(crawl, type).slice(0, options.lists ?? 1);
    const findings: Finding[] = [];
    for (const list of lists) {
      for (const attribute of ['created', 'modified'] as const) findings.push(...(await filterFindings(context, list, attribute, options.maxPages ?? 2)));
      findings.push(...(await limitFindings(context, list)));
    }
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, lists.length), cutOff: lists.length > 0 ? [] : cutOffOf(crawl, type), unreached: lists.length > 0 ? [] : unreachedOf(crawl, type), nothing: `the crawl met no list of oparl:${type}` }, options.maxFindings);
  },
};
