/**
 * Collects what a crawl finds into its record, and orders the record by URL at the end, so
 * that the order in which concurrent answers arrived does not show in a report.
 */
import type { Pending } from './frontier.js';
import type { CrawlBudget, CrawlFailure, CrawlRecord, CrawledList, CutOff, Fetched } from './types.js';

/** Sorts `items` by URL, in place. */
export function byUrl<T extends { url: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

export function createRecorder(entry: string, budget: CrawlBudget) {
  const record: Omit<CrawlRecord, 'requests' | 'sampled' | 'durationMs'> = {
    entry,
    budget,
    objects: [],
    lists: [],
    failures: [],
    cutOff: [],
    repeatedLinks: 0,
  };
  const endList = (list: CrawledList, end: CrawledList['end'], loopTo?: string): void => {
    list.end = end;
    if (loopTo !== undefined) list.loopTo = loopTo;
  };
  return {
    endList,
    repeated(): void {
      record.repeatedLinks += 1;
    },
    cut({ url, depth, via, list }: Pending, reason: CutOff['budget']): void {
      record.cutOff.push({ url, budget: reason, depth, ...(via ? { via } : {}) });
      if (list) endList(list, 'cutOff');
    },
    failure(failure: CrawlFailure, list?: CrawledList): void {
      record.failures.push(failure);
      if (list) endList(list, 'failed');
    },
    object(fetched: Fetched): undefined {
      record.objects.push(fetched);
      return undefined;
    },
    /** A list page: the first of a new list, or the next page of `list`. */
    page(fetched: Fetched, list?: CrawledList): CrawledList {
      if (list) {
        list.pages.push(fetched);
        return list;
      }
      const started: CrawledList = { url: fetched.url, pages: [fetched], end: 'complete' };
      record.lists.push(started);
      return started;
    },
    finish(totals: Pick<CrawlRecord, 'requests' | 'sampled' | 'stopped' | 'durationMs'>): CrawlRecord {
      const { objects, lists, failures, cutOff } = record;
      return { ...record, objects: byUrl(objects), lists: byUrl(lists), failures: byUrl(failures), cutOff: byUrl(cutOff), ...totals };
    },
  };
}
