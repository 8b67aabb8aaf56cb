/** Finding a crawled response by URL: the objects and every list page, keyed by normalised URL. */
import { normaliseUrl } from './normalise.js';
import type { CrawlRecord, Fetched } from './types.js';

export function fetchedByUrl(record: CrawlRecord): Map<string, Fetched> {
  const index = new Map<string, Fetched>();
  for (const fetched of record.objects) index.set(fetched.url, fetched);
  for (const list of record.lists) for (const page of list.pages) index.set(page.url, page);
  return index;
}

/** The crawled response at `url` (any spelling of it), if the crawl fetched it. */
export function findFetched(index: ReadonlyMap<string, Fetched>, url: string): Fetched | undefined {
  const key = normaliseUrl(url);
  return key === undefined ? undefined : index.get(key);
}
