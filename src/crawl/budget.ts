/**
 * The budgets of a crawl: defaults, the JSON Schema of the `budget` option a crawl check
 * takes in a suite, and the resolution of the two.
 *
 *   checks:
 *     - id: object-type
 *       kind: oparl.object-type
 *       options: { budget: { maxRequests: 5000, maxPagesPerList: 50 } }
 */
import type { CrawlBudget } from './types.js';

export const DEFAULT_CRAWL_BUDGET: Readonly<CrawlBudget> = {
  maxRequests: 2000,
  maxDepth: 8,
  maxPagesPerList: 20,
  maxTimeMs: 120_000,
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
  },
} as const;

export function resolveBudget(given: Partial<CrawlBudget> = {}): CrawlBudget {
  return { ...DEFAULT_CRAWL_BUDGET, ...given };
}

/**
 * The memo key of a crawl: checks with the same entry and budget share one crawl
 * (`context.memo(crawlKey(entry, budget), () => crawl(...))`).
 */
export function crawlKey(entry: string, budget: Partial<CrawlBudget> = {}): string {
  const resolved = resolveBudget(budget);
  return `crawl:${entry} ${(Object.keys(DEFAULT_CRAWL_BUDGET) as Array<keyof CrawlBudget>).map((name) => resolved[name]).join(',')}`;
}
