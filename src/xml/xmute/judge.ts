/**
 * Whether one mutated document meets its declaration, judged from the suite's results for
 * that document as xml-mutate judges its SVRL (EvaluateSchematronExpectationsAction): a rule
 * listed as `schematron-invalid` must fire (a finding with that rule ID from a check its prefix
 * maps to), a rule listed as `schematron-valid` must not; without a prefix every mapped check
 * counts; a rule the prefix's checks do not define fails (xml-mutate: "rule does not exist").
 * A check that could not decide makes the expectation cantTell, never a pass; a document the
 * suite applies none of the rule-set checks to (no scenario matches it) cannot test rules.
 */
import type { CheckResult } from '../../model/report.js';
import type { RuleSet, SelftestConfig } from './config.js';
import type { DeclarationData, Expect, RuleExpectation } from './declaration.js';

export type SelftestOutcome = 'passed' | 'failed' | 'cantTell' | 'exception';

export interface Judgement {
  outcome: SelftestOutcome;
  reasons: string[];
}

const WORST_FIRST: readonly SelftestOutcome[] = ['exception', 'failed', 'cantTell', 'passed'];
const PASSED: Judgement = { outcome: 'passed', reasons: [] };

export function worstOf(judgements: readonly Judgement[]): Judgement {
  const outcome = WORST_FIRST.find((candidate) => judgements.some((judgement) => judgement.outcome === candidate)) ?? 'passed';
  return { outcome, reasons: [...new Set(judgements.flatMap((judgement) => judgement.reasons))] };
}

type Rules = Pick<SelftestConfig, 'prefixes' | 'schema'>;

function undecided(results: readonly CheckResult[]): Judgement | undefined {
  const open = results.filter((result) => result.outcome === 'cantTell' || result.outcome === 'untested');
  if (open.length === 0) return undefined;
  const why = open.map((result) => `${result.check} is ${result.outcome}${result.findings[0] ? ` (${result.findings[0].message})` : ''}`);
  return { outcome: 'cantTell', reasons: why };
}

/** The checks that can report the expectation's rule, or why there are none. */
function definingChecks(expectation: RuleExpectation, label: string, rules: Rules): string[] | Judgement {
  const sets: Array<RuleSet | undefined> = expectation.prefix ? [rules.prefixes[expectation.prefix]] : Object.values(rules.prefixes);
  if (!sets.every((set): set is RuleSet => set !== undefined)) {
    return { outcome: 'exception', reasons: [`the self-test maps no check to the prefix "${expectation.prefix}"`] };
  }
  const checks = sets.flatMap((set) => set.checks);
  if (sets.some((set) => set.rules.has(expectation.rule))) return checks;
  return { outcome: 'failed', reasons: [`${label} is no rule of ${checks.join(', ')}: none of them verifies a requirement ${expectation.rule}`] };
}

function judgeRule(expectation: RuleExpectation, results: readonly CheckResult[], rules: Rules, untestable: Judgement | undefined): Judgement {
  const label = expectation.prefix ? `${expectation.prefix}:${expectation.rule}` : expectation.rule;
  const checks = definingChecks(expectation, label, rules);
  if (!Array.isArray(checks)) return checks;
  if (untestable) return untestable;
  const relevant = results.filter((result) => checks.includes(result.check));
  if (relevant.length === 0) return { outcome: 'cantTell', reasons: [`${label}: no result from ${checks.join(', ')} for the document`] };
  const fired = relevant.flatMap((result) => result.findings.filter((finding) => finding.rule === expectation.rule));
  if (expectation.expect === 'invalid' && fired.length > 0) return PASSED;
  const open = undecided(relevant);
  if (open) return { outcome: 'cantTell', reasons: open.reasons.map((reason) => `${label}: ${reason}`) };
  if (expectation.expect === 'invalid') return { outcome: 'failed', reasons: [`${label} was expected to fire but did not`] };
  if (fired.length === 0) return PASSED;
  const where = fired.map((finding) => `${finding.message}${finding.location?.line ? ` (line ${finding.location.line})` : ''}`);
  return { outcome: 'failed', reasons: [`${label} was expected not to fire but fired: ${where.join('; ')}`] };
}

function judgeSchema(expect: Expect, results: readonly CheckResult[], rules: Rules): Judgement {
  if (rules.schema.length === 0) return { outcome: 'exception', reasons: [`schema-${expect}: the self-test names no schema checks`] };
  const applicable = results.filter((result) => rules.schema.includes(result.check) && result.outcome !== 'inapplicable');
  if (applicable.length === 0) return { outcome: 'cantTell', reasons: [`schema-${expect}: no schema check applies to the document`] };
  const invalid = applicable.find((result) => result.outcome === 'failed');
  if (invalid) {
    if (expect === 'invalid') return PASSED;
    return { outcome: 'failed', reasons: [`expected schema-valid, but ${invalid.check} failed: ${invalid.findings[0]?.message ?? ''}`] };
  }
  const open = undecided(applicable);
  if (open) return open;
  if (expect === 'valid') return PASSED;
  return { outcome: 'failed', reasons: ['expected schema-invalid, but the document is schema-valid'] };
}

function judgeEntirety({ scope, expect }: NonNullable<DeclarationData['entirety']>, results: readonly CheckResult[], rules: Rules): Judgement {
  const keyword = `schematron-${expect}-${scope}`;
  if ((scope === 'all') !== (expect === 'valid')) {
    return { outcome: 'exception', reasons: [`${keyword} needs every rule to fire, which konform does not judge`] };
  }
  const checks = Object.values(rules.prefixes).flatMap((set) => set.checks);
  const relevant = results.filter((result) => checks.includes(result.check));
  if (relevant.length === 0) return { outcome: 'cantTell', reasons: [`${keyword}: no result from ${checks.join(', ')} for the document`] };
  const fired = [...new Set(relevant.flatMap((result) => result.findings.flatMap((finding) => (finding.rule ? [finding.rule] : []))))];
  if (fired.length > 0) return { outcome: 'failed', reasons: [`${keyword}: rules fired: ${fired.join(', ')}`] };
  return undecided(relevant) ?? PASSED;
}

/** An exception when the suite applied none of the rule-set checks to the document. */
function unapplied(results: readonly CheckResult[], rules: Rules): Judgement | undefined {
  const checks = new Set(Object.values(rules.prefixes).flatMap((set) => set.checks));
  const relevant = results.filter((result) => checks.has(result.check));
  if (relevant.length === 0 || relevant.some((result) => result.outcome !== 'inapplicable')) return undefined;
  const why = relevant[0]?.findings[0]?.message ?? 'inapplicable';
  return { outcome: 'exception', reasons: [`the suite applies none of its rule-set checks to the mutated document: ${why}`] };
}

/** The judgement of one mutated document against every expectation of its declaration. */
export function judgeDocument(data: DeclarationData, results: readonly CheckResult[], rules: Rules): Judgement {
  const untestable = unapplied(results, rules);
  return worstOf([
    ...data.rules.map((expectation) => judgeRule(expectation, results, rules, untestable)),
    ...(data.schema ? [judgeSchema(data.schema, results, rules)] : []),
    ...(data.entirety ? [untestable ?? judgeEntirety(data.entirety, results, rules)] : []),
  ]);
}
