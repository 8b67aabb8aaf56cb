/** The crawl of hypermedia APIs, as check kinds use it: see types.ts for the record. */
export { crawl } from './crawler.js';
export { BUDGET_OPTIONS_SCHEMA, DEFAULT_CRAWL_BUDGET, budgetOfSettings, crawlKey, resolveBudget, type BudgetSettings } from './budget.js';
export { fetchedByUrl, findFetched } from './lookup.js';
export { normaliseUrl } from './normalise.js';
export { oparlLinks, oparlLinksWith, type ListProperties } from './oparl-links.js';
export { crawlBudgetOf, sharedCrawl, type SharedCrawlOptions } from './shared.js';
export { cutOffOutput, withinBudget } from './untested.js';
export type * from './types.js';
