/**
 * `oparl.stable-order`: a list gives its objects in the same order when asked again (OParl §2.5:
 * "Ein Server muss für eine stabile Sortierung von Listeneinträgen sorgen"). The first page of
 * up to `lists` lists of each type is fetched a second time and its ids compared with the crawl's.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { CrawledList, Fetched } from '../../crawl/types.js';
import { cutOffOf, oparlCrawl, unreachedOf } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { listsOf, pageItems, readPage, unreadFinding } from '../../oparl/lists.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

export type StableOrderOptions = OParlOptions & { lists?: number };

const ids = (page: Pick<Fetched, 'json'>) => pageItems(page).map((item) => item.id);

async function orderFindings(context: CheckContext, list: CrawledList): Promise<Finding[]> {
  const first = list.pages[0] as Fetched;
  const again = await readPage(context, first.url);
  if ('unread' in again) return [unreadFinding(again.unread, RULE.LIST_STABLE_ORDER, 'list-unreadable')];
  const before = ids(first);
  const after = ids(again.page);
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const at = before.findIndex((id, index) => id !== after[index]);
  const message = `asked again, the first page of the list gives other objects or another order (from position ${at + 1}: ${JSON.stringify(after[at] ?? null)} instead of ${JSON.stringify(before[at] ?? null)})`;
  return [responseFinding(again.page, RULE.LIST_STABLE_ORDER, 'list-order-changed', message, { pointer: `/data/${at}` })];
}

export const stableOrderKind: CheckKind<StableOrderOptions> = {
  name: 'oparl.stable-order',
  description: 'A list gives its objects in the same order when asked again',
  optionsSchema: optionsSchema({ lists: { type: 'integer', minimum: 1, default: 2 } }),
  needs: ['endpoint'],
  waitsOnRequests: true,
  lint: lintDeciding([RULE.LIST_STABLE_ORDER]),
  subjects: (context) => typeSubjects(context),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subjectType(subject);
    const lists = listsOf(crawl, type).filter((list) => list.pages.length > 0).slice(0, options.lists ?? 2);
    const findings: Finding[] = [];
    for (const list of lists) findings.push(...(await orderFindings(context, list)));
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, lists.length), cutOff: lists.length > 0 ? [] : cutOffOf(crawl, type), unreached: lists.length > 0 ? [] : unreachedOf(crawl, type), nothing: `the crawl met no list of oparl:${type}` }, options.maxFindings);
  },
};
