/**
 * The report lists exchanges in the order the results (already in plan order) first cite them,
 * then the uncited ones by URL and method, so that the same run lists them in the same order
 * whatever the concurrency. Their IDs are those they were recorded with (http/exchange-id.ts),
 * the same in the journal, in finding messages and in the report.
 */
import type { Exchange } from '../model/exchange.js';
import type { CheckResult } from '../model/report.js';

export function orderExchanges(results: readonly CheckResult[], exchanges: readonly Exchange[]): Exchange[] {
  if (exchanges.length === 0) return [];
  const byId = new Map(exchanges.map((exchange) => [exchange.id, exchange]));
  const cited = new Set<string>();
  const cite = (id: string | undefined) => {
    if (id !== undefined && byId.has(id)) cited.add(id);
  };
  for (const result of results) {
    result.evidence.forEach(cite);
    result.findings.forEach((finding) => cite(finding.exchange));
  }
  const uncited = exchanges
    .filter((exchange) => !cited.has(exchange.id))
    .sort((a, b) => `${a.request.url} ${a.request.method}`.localeCompare(`${b.request.url} ${b.request.method}`));
  return [...[...cited].map((id) => byId.get(id) as Exchange), ...uncited];
}
