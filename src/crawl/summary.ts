/**
 * A crawl as the report names it (Report['crawls']): what it read, what it fetched again, and
 * what each budget kept from being fetched, with the flag that raises that budget.
 */
import type { CrawlSummary } from '../model/report.js';
import type { CrawlRecord, CutOff } from './types.js';

/** The command-line flag that raises a budget; maxDepth is a suite's option only. */
const FLAGS: Partial<Record<CutOff['budget'], string>> = {
  maxRequests: '--max-requests',
  maxTimeMs: '--max-time',
  maxPagesPerList: '--max-pages',
};

function cutOffByBudget(cutOff: readonly CutOff[]): CrawlSummary['cutOff'] {
  const byBudget = new Map<CutOff['budget'], CutOff[]>();
  for (const cut of cutOff) {
    const entries = byBudget.get(cut.budget);
    if (entries) entries.push(cut);
    else byBudget.set(cut.budget, [cut]);
  }
  return [...byBudget]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([budget, cuts]) => ({ budget, urls: cuts.length, example: (cuts[0] as CutOff).url, ...(FLAGS[budget] ? { flag: FLAGS[budget] } : {}) }));
}

export function summariseCrawl(record: CrawlRecord): CrawlSummary {
  const given = record.sampled.reduce((sum, group) => sum + group.given, 0);
  const fetchedAgain = record.sampled.reduce((sum, group) => sum + group.fetched, 0);
  return {
    entry: record.entry,
    budget: record.budget,
    requests: record.requests,
    durationMs: record.durationMs,
    lists: {
      reached: record.lists.length,
      complete: record.lists.filter((list) => list.end === 'complete').length,
      pages: record.lists.reduce((sum, list) => sum + list.pages.length, 0),
    },
    objects: { given, fetchedAgain },
    cutOff: cutOffByBudget(record.cutOff),
    ...(record.stopped === undefined ? {} : { stopped: record.stopped }),
  };
}
