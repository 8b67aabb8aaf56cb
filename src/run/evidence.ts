/**
 * Exchange IDs are handed out in the order requests complete, which depends on concurrency.
 * The report numbers them anew in the order the results (already in plan order) first cite
 * them, so the same run gives the same IDs whatever the concurrency. The results are updated
 * in place (a run of 10 000 message files has 90 000 of them).
 */
import type { Exchange } from '../model/exchange.js';
import type { CheckResult } from '../model/report.js';

export function renumberEvidence(
  results: CheckResult[],
  exchanges: readonly Exchange[],
): { results: CheckResult[]; exchanges: Exchange[] } {
  if (exchanges.length === 0) return { results, exchanges: [] };
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
  const order = [...cited, ...uncited.map((exchange) => exchange.id)];
  const newId = new Map(order.map((id, index) => [id, `x${index + 1}`]));
  const rename = (id: string) => newId.get(id) ?? id;
  for (const result of results) {
    result.evidence = result.evidence.map(rename);
    for (const finding of result.findings) if (finding.exchange !== undefined) finding.exchange = rename(finding.exchange);
  }
  return { results, exchanges: order.map((id) => ({ ...(byId.get(id) as Exchange), id: rename(id) })) };
}
