/**
 * One crawl per run, entry and budget, shared by every check that needs it through the run's
 * memo. The budget is the check's, with the command line's (context.crawlBudget) on top. The
 * run is told what the crawl read and cut off (context.noteCrawl).
 */
import type { CheckContext } from '../checks/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { crawlKey, resolveBudget } from './budget.js';
import { crawl } from './crawler.js';
import { summariseCrawl } from './summary.js';
import type { CrawlBudget, CrawlOptions, CrawlRecord, LinkExtractor } from './types.js';

export interface SharedCrawlOptions {
  extract: LinkExtractor;
  budget?: Partial<CrawlBudget>;
  /** Default: the target's URL. */
  entry?: string;
  headers?: Record<string, string>;
  stop?: CrawlOptions['stop'];
}

/** The budget a check's crawl has: its own, with the command line's on top. */
export function crawlBudgetOf(context: CheckContext, budget: Partial<CrawlBudget> | undefined): CrawlBudget {
  return resolveBudget(budget, context.crawlBudget);
}

export function sharedCrawl(context: CheckContext, options: SharedCrawlOptions): Promise<CrawlRecord> {
  const entry = options.entry ?? context.target.url;
  if (!entry) throw new KonformError(ERROR_CODES.TARGET_INVALID, 'a crawl needs --target <url>');
  const budget = crawlBudgetOf(context, options.budget);
  return context.memo(crawlKey(entry, budget), async () => {
    const record = await crawl({
      entry,
      http: context.http,
      extract: options.extract,
      budget,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.stop ? { stop: options.stop } : {}),
      signal: context.signal,
    });
    context.noteCrawl(summariseCrawl(record));
    return record;
  });
}
