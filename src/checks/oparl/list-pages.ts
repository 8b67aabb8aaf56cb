/**
 * `oparl.list-pages`: the pages of every external object list (OParl §2.5 Paginierung) have
 * `data`, `pagination` and `links`; every page but the last links the next one, and no next
 * link leads back; `first`, `prev` and `last` name the first, previous and last page (a page is
 * known by the URL it was fetched at and by its `self`); `pagination` tells the truth —
 * `currentPage` counts up, `elementsPerPage` is the size of every page but the last, and, for a
 * list read to its end whose totals stay put, `totalPages` and `totalElements` are its size. A
 * next link that does not answer breaks the list (undecided where no answer came). A list of
 * more than 100 objects on one page should have been paginated (§2.5).
 */
import type { Finding } from '../../model/types.js';
import { normaliseUrl } from '../../crawl/index.js';
import type { CrawledList, Fetched } from '../../crawl/types.js';
import { isJsonObject } from '../../openapi/refs.js';
import { cutOffOf, unreachedOf, type OParlCrawl } from '../../oparl/crawl.js';
import { responseFinding, unansweredFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { listsOf, pageItems, pageLinks } from '../../oparl/lists.js';
import { RULE } from '../../oparl/rules.js';
import { everyTypeKind } from './every-type-kind.js';

const PAGINATE_ABOVE = 100;
const MEMBERS = ['data', 'pagination', 'links'] as const;

const identity = (page: Fetched): Set<string> =>
  new Set([page.url, page.finalUrl, pageLinks(page).self].flatMap((url) => (typeof url === 'string' ? [normaliseUrl(url) ?? url] : [])));

const pagination = (page: Fetched): Record<string, unknown> => (isJsonObject(page.json) && isJsonObject(page.json.pagination) ? page.json.pagination : {});

function linkFindings(list: CrawledList, complete: boolean): Finding[] {
  const { pages } = list;
  const first = pages[0] as Fetched;
  const last = pages.at(-1) as Fetched;
  const findings: Finding[] = [];
  const names = (link: unknown, page: Fetched) => typeof link !== 'string' || identity(page).has(normaliseUrl(link) ?? link);
  pages.forEach((page, index) => {
    const links = pageLinks(page);
    const wrong = (name: string, target: string) =>
      findings.push(responseFinding(page, RULE.LIST_LINKS, 'list-link-wrong', `links.${name} ${JSON.stringify(links[name])} is not the ${target} page`, { pointer: `/links/${name}` }));
    if (!names(links.first, first)) wrong('first', 'first');
    if (index === 0 && links.prev !== undefined) wrong('prev', 'previous (the first page has none)');
    if (index > 0 && !names(links.prev, pages[index - 1] as Fetched)) wrong('prev', 'previous');
    if (complete && !names(links.last, last)) wrong('last', 'last');
  });
  if (list.end === 'loop') findings.push(responseFinding(last, RULE.LIST_LINKS, 'list-loop', `links.next leads back to ${list.loopTo ?? 'a page already read'}`, { pointer: '/links/next' }));
  return findings;
}

function paginationFindings(list: CrawledList, complete: boolean): Finding[] {
  const { pages } = list;
  const findings: Finding[] = [];
  const wrong = (page: Fetched, name: string, message: string) => findings.push(responseFinding(page, RULE.LIST_PAGINATION, 'pagination-wrong', message, { pointer: `/pagination/${name}` }));
  const start = pagination(pages[0] as Fetched).currentPage;
  const size = pagination(pages[0] as Fetched).elementsPerPage;
  const count = pages.reduce((sum, page) => sum + pageItems(page).length, 0);
  pages.forEach((page, index) => {
    const { currentPage, elementsPerPage, totalPages, totalElements } = pagination(page);
    const isLast = complete && index === pages.length - 1;
    if (typeof start === 'number' && currentPage !== undefined && currentPage !== start + index) wrong(page, 'currentPage', `currentPage is ${JSON.stringify(currentPage)} on page ${index + 1} of the list`);
    if (!isLast && elementsPerPage !== undefined && elementsPerPage !== size) wrong(page, 'elementsPerPage', `elementsPerPage is ${JSON.stringify(elementsPerPage)} here and ${JSON.stringify(size)} on the first page`);
    if (!isLast && typeof elementsPerPage === 'number' && pageItems(page).length !== elementsPerPage) wrong(page, 'elementsPerPage', `the page has ${pageItems(page).length} objects, elementsPerPage says ${elementsPerPage}`);
    const more = (typeof currentPage === 'number' && typeof totalPages === 'number' && currentPage < totalPages) || (typeof totalElements === 'number' && count > 0 && index === pages.length - 1 && count < totalElements);
    if (complete && index === pages.length - 1 && more) {
      findings.push(responseFinding(page, RULE.LIST_NEXT, 'next-missing', `the page has no links.next, but its pagination says the list goes on`, { pointer: '/links' }));
    }
  });
  const stable = (name: string) => new Set(pages.map((page) => pagination(page)[name])).size === 1;
  const totals = pagination(pages.at(-1) as Fetched);
  if (complete && stable('totalPages') && typeof totals.totalPages === 'number' && totals.totalPages !== pages.length) wrong(pages.at(-1) as Fetched, 'totalPages', `totalPages is ${totals.totalPages}, the list has ${pages.length} page(s)`);
  if (complete && stable('totalElements') && typeof totals.totalElements === 'number' && totals.totalElements !== count) wrong(pages.at(-1) as Fetched, 'totalElements', `totalElements is ${totals.totalElements}, the list has ${count} object(s)`);
  return findings;
}

/** The failure of the next link that ended a list, as a finding. */
function brokenNext(crawl: OParlCrawl, list: CrawledList): Finding[] {
  const last = list.pages.at(-1) as Fetched;
  const failure = crawl.record.failures.find((candidate) => candidate.via?.from === last.url && candidate.via.pointer === '/links/next');
  if (list.end !== 'failed' || !failure) return [];
  if (failure.status === undefined) return [unansweredFinding(failure, RULE.LIST_NEXT, { pointer: '/links/next', params: { from: last.url } })];
  const message = `links.next ${failure.url} does not answer with a page: ${failure.message}`;
  return [responseFinding(last, RULE.LIST_NEXT, 'next-broken', message, { pointer: '/links/next' })];
}

function listFindings(crawl: OParlCrawl, list: CrawledList): Finding[] {
  const complete = list.end === 'complete';
  const findings: Finding[] = [...brokenNext(crawl, list)];
  for (const page of list.pages) {
    const missing = MEMBERS.filter((name) => !isJsonObject(page.json) || (name === 'data' ? !Array.isArray(page.json.data) : !isJsonObject(page.json[name])));
    if (missing.length > 0) findings.push(responseFinding(page, RULE.LIST_PAGE, 'list-member-missing', `the list page has no ${missing.join(', ')}`, { params: { missing } }));
  }
  const items = pageItems(list.pages[0] as Fetched).length;
  if (complete && list.pages.length === 1 && items > PAGINATE_ABOVE) {
    findings.push(responseFinding(list.pages[0] as Fetched, RULE.LIST_PAGINATE, 'list-not-paginated', `the list has ${items} objects on one page`, { params: { items } }));
  }
  return [...findings, ...paginationFindings(list, complete), ...linkFindings(list, complete)];
}

function cutOffOfLists(crawl: OParlCrawl, lists: readonly CrawledList[]) {
  const pages = new Set(lists.flatMap((list) => list.pages.map((page) => page.url)));
  return crawl.record.cutOff.filter((cut) => cut.via && pages.has(cut.via.from) && cut.via.pointer === '/links/next');
}

export const listPagesKind = everyTypeKind({
  name: 'oparl.list-pages',
  description: 'List pages have data, pagination and links, consistent from page to page',
  decides: [RULE.LIST_PAGE, RULE.LIST_PAGINATION, RULE.LIST_LINKS, RULE.LIST_NEXT, RULE.LIST_PAGINATE],
  judge(crawl, type, options, check) {
    const lists = listsOf(crawl, type).filter((list) => list.pages.length > 0);
    const nothing = type ? `the crawl met no list of oparl:${type}` : 'every list the crawl met is of a known type';
    const cutOff = lists.length > 0 ? cutOffOfLists(crawl, lists) : cutOffOf(crawl, type);
    const unreached = lists.length > 0 ? [] : unreachedOf(crawl, type);
    // Only a list of more than 100 objects is a case of paginating (§2.5).
    const long = lists.filter((list) => list.pages.reduce((sum, page) => sum + pageItems(page).length, 0) > PAGINATE_ABOVE).length;
    const cases = { ...casesOfEach(check.verifies, lists.length), [RULE.LIST_PAGINATE]: long };
    return judgeCases(check, { findings: lists.flatMap((list) => listFindings(crawl, list)), cases, cutOff, unreached, nothing }, options.maxFindings);
  },
});
