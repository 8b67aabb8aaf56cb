/**
 * External object lists (OParl §2.5): the pages of a list, their objects, and lists konform
 * reads itself — a list with filters, say — following `links.next` from page to page up to a
 * number of pages.
 */
import type { CheckContext } from '../checks/types.js';
import type { FindingCode } from '../model/finding-codes.js';
import { normaliseUrl } from '../crawl/index.js';
import type { CrawledList, Fetched } from '../crawl/types.js';
import { HttpFailure } from '../http/types.js';
import { parseJson } from '../openapi/json-syntax.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import type { Finding } from '../model/types.js';
import type { OParlCrawl } from './crawl.js';
import { unansweredFinding } from './findings.js';
import type { Rule } from './rules.js';

/** The objects of a page (`data`). */
export function pageItems(page: Pick<Fetched, 'json'>): JsonObject[] {
  const data = isJsonObject(page.json) && Array.isArray(page.json.data) ? page.json.data : [];
  return data.filter(isJsonObject);
}

/** The `links` of a page. */
export function pageLinks(page: Pick<Fetched, 'json'>): JsonObject {
  return isJsonObject(page.json) && isJsonObject(page.json.links) ? page.json.links : {};
}

/** The crawled lists of objects of `type` (undefined: of no known type). */
export function listsOf(crawl: OParlCrawl, type: string | undefined): CrawledList[] {
  return crawl.record.lists.filter((list) => crawl.occurrences.expectedOf(list.url) === type);
}

/** A page of a list konform read itself. */
export interface ReadPage {
  url: string;
  exchange: string;
  json: unknown;
}

/** Why konform could not read a page: an error status (`message` names it), or no answer at all (`failure`). */
export type Unread = { status: number; message: string; exchange: string } | { failure: HttpFailure };

export type ReadList = { pages: ReadPage[]; end: 'complete' | 'pageLimit' } | { pages: ReadPage[]; end: 'failed'; unread: Unread };

/**
 * The finding of `rule` about a page konform could not read: an error status is a finding
 * `code`, its message after `context`; no answer is the transport failure, which leaves the rule
 * undecided.
 */
export function unreadFinding(unread: Unread, rule: Rule, code: FindingCode, context = ''): Finding {
  if ('failure' in unread) return unansweredFinding(unread.failure, rule);
  return { code, message: `${context}${unread.message}`, rule, exchange: unread.exchange };
}

/** GETs one JSON answer: the page, or why it could not be read. */
export async function readPage(context: CheckContext, url: string): Promise<{ page: ReadPage } | { unread: Unread }> {
  try {
    const response = await context.http.send({ method: 'GET', url });
    if (response.status < 200 || response.status > 299) {
      return { unread: { status: response.status, message: `${url} answered ${response.status}`, exchange: response.exchangeId } };
    }
    const parsed = parseJson(response.body.toString('utf8'));
    return { page: { url, exchange: response.exchangeId, json: parsed.ok ? parsed.value : undefined } };
  } catch (error) {
    if (!(error instanceof HttpFailure)) throw error;
    return { unread: { failure: error } };
  }
}

/** Reads a list from `url`, following `links.next`, at most `maxPages` pages. */
export async function readList(context: CheckContext, url: string, maxPages: number): Promise<ReadList> {
  const pages: ReadPage[] = [];
  const seen = new Set<string>();
  for (let next: string | undefined = url; next !== undefined; ) {
    if (pages.length >= maxPages || seen.has(normaliseUrl(next) ?? next)) return { pages, end: 'pageLimit' };
    seen.add(normaliseUrl(next) ?? next);
    const read = await readPage(context, next);
    if ('unread' in read) return { pages, end: 'failed', unread: read.unread };
    pages.push(read.page);
    const link: unknown = pageLinks(read.page).next;
    // A reference resolves against the page (RFC 3986 §5.2): "" is the page itself, read already.
    next = typeof link === 'string' ? normaliseUrl(link, read.page.url) : undefined;
  }
  return { pages, end: 'complete' };
}

/** `url` with the query parameters `parameters` set. */
export function withParameters(url: string, parameters: Readonly<Record<string, string>>): string {
  const result = new URL(url);
  for (const [name, value] of Object.entries(parameters)) result.searchParams.set(name, value);
  return result.href;
}

/**
 * The lists of all objects of `type` of each body: of the lists of that type, those a Body (for
 * Bodies: the System) links, else all of them.
 */
export function bodyListsOf(crawl: OParlCrawl, type: string | undefined): CrawledList[] {
  const lists = listsOf(crawl, type).filter((list) => list.pages.length > 0);
  const owner = type === 'Body' ? 'System' : 'Body';
  const owned = lists.filter((list) => crawl.occurrences.linkContext(list.pages[0]?.via).holder?.type === owner);
  return owned.length > 0 ? owned : lists;
}
