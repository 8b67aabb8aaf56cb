/**
 * What the reports for people say about a run's crawls (report.json `crawls`): first, why a crawl
 * ended at its entry and what each budget cut off, with counts and the flag that raises it;
 * among the facts, what the crawl read, judged and fetched again. Values come rendered by the format.
 */
import type { CrawlSummary, Report } from '../model/report.js';
import type { Messages } from './i18n/index.js';
import type { Inline } from './report-view.js';

export function crawlNotices(report: Report, t: Messages, inline: Inline): string[] {
  const lines: string[] = [];
  for (const crawl of report.crawls ?? []) {
    if (crawl.stopped !== undefined) lines.push(t.notices.crawlStopped(inline.text(crawl.stopped)));
    for (const { budget, urls, example, flag } of crawl.cutOff) {
      if (budget === 'stopped') continue;
      const name = t.budgets[budget as keyof Messages['budgets']] ?? inline.code(budget);
      lines.push(t.notices.crawlCutOff(urls, name, inline.code(example), flag === undefined ? undefined : inline.code(flag)));
    }
  }
  return lines;
}

export function crawlLine(crawl: CrawlSummary, t: Messages): string {
  return t.facts.crawlLine({
    lists: crawl.lists.reached,
    complete: crawl.lists.complete,
    pages: crawl.lists.pages,
    objects: crawl.objects.given,
    fetchedAgain: crawl.objects.fetchedAgain,
    sample: crawl.budget.sample,
    requests: crawl.requests,
    seconds: crawl.durationMs / 1000,
  });
}
