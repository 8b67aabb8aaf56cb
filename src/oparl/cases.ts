/**
 * What an OParl check examined, rule by rule: a requirement is passed only where a case of it was
 * examined and held (DESIGN "Judgement"). A check counts the cases of each rule it verifies; a
 * rule without a case (and without a finding) is left out of the result's `rules`, so its
 * requirement is not decided by this result; a check with no case of any rule examined nothing
 * (inapplicable, or untested where the budget cut the subject: judge.ts). A passed result names
 * what it rests on in the information finding `cases-examined` (params.cases: rule → count).
 */
import type { CheckOutput, CheckSpec } from '../model/types.js';
import { judge, type Judgement } from './judge.js';

/** The number of cases examined per rule. */
export type Cases = Readonly<Record<string, number>>;

/** `count` cases of each of `rules`: each thing examined is a case of all of them. */
export function casesOfEach(rules: readonly string[], count: number): Record<string, number> {
  return Object.fromEntries(rules.map((rule) => [rule, count]));
}

export type CasesJudgement = Omit<Judgement, 'examined' | 'rules'> & { cases: Cases };

export function judgeCases(check: CheckSpec, { cases, ...judgement }: CasesJudgement, maxFindings?: number): CheckOutput {
  // A finding of a rule is a case of it, whatever the check counted.
  const found = new Set(judgement.findings.flatMap((finding) => finding.rule ?? []));
  const met = check.verifies.filter((rule) => (cases[rule] ?? 0) > 0 || found.has(rule));
  const examined = Math.max(0, ...met.map((rule) => cases[rule] ?? 0));
  const rules = met.length < check.verifies.length ? { rules: met } : {};
  const output = judge(check, { ...judgement, examined: met.length > 0 ? Math.max(examined, 1) : 0, ...rules }, maxFindings);
  if (output.outcome !== 'passed') return output;
  const counted = Object.fromEntries(met.map((rule) => [rule, cases[rule] ?? 0]));
  const message = `examined ${met.map((rule) => `${counted[rule]} case(s) of ${rule}`).join(', ')}`;
  return { ...output, findings: [...output.findings, { code: 'cases-examined', message, severity: 'info', params: { cases: counted } }] };
}
