/**
 * The crawl budget flags of `konform run`: they override the budget of every check of the suite
 * (a suite sets it per check; see src/crawl/budget.ts for the defaults).
 */
import type { Command } from 'commander';
import { budgetOfSettings } from '../crawl/budget.js';
import type { CrawlBudget } from '../crawl/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { wholeNumber } from './numbers.js';

export interface CrawlBudgetFlags {
  maxRequests?: string;
  maxTime?: string;
  maxPages?: string;
  sample?: string;
}

export function addCrawlBudgetOptions(command: Command): Command {
  return command
    .option('--max-requests <n>', 'crawl: requests at most (OParl; default 5000)')
    .option('--max-time <seconds>', 'crawl: seconds after which no request starts (OParl; default 300)')
    .option('--max-pages <n>', 'crawl: pages read of one list (OParl; default 1000)')
    .option('--sample <n|all>', 'crawl: objects per type fetched again at their own URL, or all (OParl; default 20)');
}

function sampleFrom(value: string | undefined): CrawlBudget['sample'] | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === 'all') return 'all';
  if (!/^\s*\d+\s*$/.test(value)) throw new KonformError(ERROR_CODES.USAGE, `--sample must be a whole number or "all", got "${value}"`);
  return Number(value);
}

/** The budget the flags give, or undefined without any. */
export function crawlBudgetFrom(flags: CrawlBudgetFlags): Partial<CrawlBudget> | undefined {
  const budget = budgetOfSettings({
    maxRequests: wholeNumber(flags.maxRequests, '--max-requests', 1),
    maxTime: wholeNumber(flags.maxTime, '--max-time', 1, 86_400),
    maxPages: wholeNumber(flags.maxPages, '--max-pages', 1),
    sample: sampleFrom(flags.sample),
  });
  return Object.keys(budget).length > 0 ? budget : undefined;
}
