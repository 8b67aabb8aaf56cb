/**
 * Exchange IDs are handed out in the order requests complete, which depends on concurrency.
 * The report numbers them anew in the order the results (already in plan order) first cite
 * them, so the same run gives the same IDs whatever the concurrency.
 */
import type { Exchange } from '../http/types.js';
import type { CheckResult } from '../report/model.js';

export function renumberEvidence(
  results: CheckResult[],
  exchanges: readonly Exchange[],
): { results: CheckResult[]; exchanges: Exchange[] } {
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
  return {
    results: results.map((result) => ({
      ...result,
      evidence: result.evidence.map(rename),
      findings: result.findings.map((finding) =>
        finding.exchange === undefined ? finding : { ...finding, exchange: rename(finding.exchange) },
      ),
    })),
    exchanges: order.map((id) => ({ ...(byId.get(id) as Exchange), id: rename(id) })),
  };
}
