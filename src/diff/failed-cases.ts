/**
 * How often each requirement was found violated in a run, as judge/requirement-results.ts
 * decides requirements: a result whose findings name rules fails a rule once for each of its
 * findings that fails it (ruleOutcome); any other failed result fails once each requirement it
 * decides (its `rules`, or all its check verifies).
 */
import { ruleOutcome } from '../judge/judgement.js';
import type { Report } from '../model/report.js';

export function failedCases(report: Report): Map<string, number> {
  const verifies = new Map(report.checks.map((check) => [check.id, check.requirements]));
  const counts = new Map<string, number>();
  const add = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const result of report.results) {
    const ruled = result.findings.filter((finding) => finding.rule !== undefined);
    if (ruled.length > 0) {
      for (const finding of ruled) if (ruleOutcome(finding) === 'failed') add(finding.rule!);
    } else if (result.outcome === 'failed') {
      for (const id of result.rules ?? verifies.get(result.check) ?? []) add(id);
    }
  }
  return counts;
}
