/**
 * The budgets of a crawl: defaults, the JSON Schema of the `budget` option a crawl check
 * takes in a suite, and the resolution of the two.
 *
 *   checks:
 *     - id: object-type
 *       kind: oparl.object-type
 *       options: { budget: { maxRequests: 5000, maxPagesPerList: 50 } }
 *
 * The defaults read every page of a municipality's council information system (some 20 000
 * objects on 100 to 1 000 list pages) and fetch 20 objects of each type again at their own URL.
 * The command line's budget flags override a suite's budget (`overrides`).
 */
import type { CrawlBudget } from './types.js';

export const DEFAULT_CRAWL_BUDGET: Readonly<CrawlBudget> = {
  maxRequests: 5000,
  maxDepth: 8,
  maxPagesPerList: 1000,
  maxTimeMs: 300_000,
  sample: 20,
};

/** JSON Schema of a check's `budget` option; put it under `properties.budget` of the kind's optionsSchema. */
export const BUDGET_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxRequests: { type: 'integer', minimum: 1 },
    maxDepth: { type: 'integer', minimum: 0 },
    maxPagesPerList: { type: 'integer', minimum: 1 },
    maxTimeMs: { type: 'integer', minimum: 1 },
    sample: { oneOf: [{ type: 'integer', minimum: 0 }, { const: 'all' }] },
  },
} as const;

/** A budget as the command line and a batch plan give it: seconds, pages per list, the sample. */
export interface BudgetSettings {
  maxRequests?: number;
  /** Seconds. */
  maxTime?: number;
  maxPages?: number;
  sample?: CrawlBudget['sample'];
}

/** The crawl budget that settings give (only what they set). */
export function budgetOfSettings({ maxRequests, maxTime, maxPages, sample }: BudgetSettings): Partial<CrawlBudget> {
  return {
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    ...(maxTime !== undefined ? { maxTimeMs: maxTime * 1000 } : {}),
    ...(maxPages !== undefined ? { maxPagesPerList: maxPages } : {}),
    ...(sample !== undefined ? { sample } : {}),
  };
}

/** A suite's budget, with the defaults for what it leaves out and the overrides (command-line flags) on top. */
export function resolveBudget(given: Partial<CrawlBudget> = {}, overrides: Partial<CrawlBudget> = {}): CrawlBudget {
  return { ...DEFAULT_CRAWL_BUDGET, ...given, ...overrides };
}

/**
 * The memo key of a crawl: checks with the same entry and budget share one crawl
 * (`context.memo(crawlKey(entry, budget), () => crawl(...))`).
 */
export function crawlKey(entry: string, budget: Partial<CrawlBudget> = {}): string {
  const resolved = resolveBudget(budget);
  return `crawl:${entry} ${(Object.keys(DEFAULT_CRAWL_BUDGET) as Array<keyof CrawlBudget>).map((name) => resolved[name]).join(',')}`;
}
