/**
 * One crawl per run, entry and budget, shared by every check that needs it through the run's
 * memo. Call it from `subjects`, so that the crawl is done before any check runs.
 */
import type { CheckContext } from '../checks/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { crawlKey } from './budget.js';
import { crawl } from './crawler.js';
import type { CrawlBudget, CrawlRecord, LinkExtractor } from './types.js';

export interface SharedCrawlOptions {
  extract: LinkExtractor;
  budget?: Partial<CrawlBudget>;
  /** Default: the target's URL. */
  entry?: string;
  headers?: Record<string, string>;
}

export function sharedCrawl(context: CheckContext, options: SharedCrawlOptions): Promise<CrawlRecord> {
  const entry = options.entry ?? context.target.url;
  if (!entry) throw new KonformError(ERROR_CODES.TARGET_INVALID, 'a crawl needs --target <url>');
  return context.memo(crawlKey(entry, options.budget), () =>
    crawl({
      entry,
      http: context.http,
      extract: options.extract,
      ...(options.budget ? { budget: options.budget } : {}),
      ...(options.headers ? { headers: options.headers } : {}),
      signal: context.signal,
    }),
  );
}
