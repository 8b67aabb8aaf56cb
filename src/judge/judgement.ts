/**
 * What a finding says about its rule and its check, and which failures decide the verdict, in
 * one place every output follows. Severities follow the levels of the requirements (RFC 2119):
 * a MUST violated is an error (or fatal, as Schematron flags it), a SHOULD violated a warning,
 * information is what a MAY or a note reports. A finding of a failed result that names no
 * severity of its own takes its check's. A failed check of severity `error` violates a MUST and
 * makes the run not conformant; a failed `warning` (SHOULD) or `info` (MAY) check is reported
 * as such, never as a failure of the run.
 */
import type { CheckResult } from '../model/report.js';
import type { CheckSeverity, Finding, FindingSeverity } from '../model/types.js';
import type { Outcome } from '../model/outcome.js';

const FINDING_SEVERITY: Readonly<Record<CheckSeverity, FindingSeverity>> = { error: 'error', warning: 'warning', info: 'information' };

/** The severity a finding of a check of this severity has where it names none. */
export function findingSeverityOf(check: CheckSeverity): FindingSeverity {
  return FINDING_SEVERITY[check];
}

/** The finding stops its check from passing: a violation of a MUST (fatal, error, or unnamed). */
export function blocksCheck(finding: Finding): boolean {
  return !finding.undecided && (finding.severity === undefined || finding.severity === 'fatal' || finding.severity === 'error');
}

/** The outcome of a result from its findings alone: failed on a MUST violation, cantTell on an undecided finding, passed otherwise. */
export function outcomeOfFindings(findings: readonly Finding[]): Outcome {
  if (findings.some(blocksCheck)) return 'failed';
  return findings.some((finding) => finding.undecided) ? 'cantTell' : 'passed';
}

/**
 * The outcome a finding gives its rule: cantTell where konform could not decide it, passed for
 * information, failed for every violation — a SHOULD that fired is failed too; its level says
 * that it does not decide the verdict.
 */
export function ruleOutcome(finding: Finding): Outcome {
  if (finding.undecided) return 'cantTell';
  return finding.severity === 'information' ? 'passed' : 'failed';
}

/** The findings of a result with the severity of its check where a violation names none. */
export function withSeverity(findings: Finding[], outcome: Outcome, check: CheckSeverity): Finding[] {
  if (outcome !== 'failed' || findings.every((finding) => finding.severity !== undefined || finding.undecided)) return findings;
  const severity = findingSeverityOf(check);
  return findings.map((finding) => (finding.severity !== undefined || finding.undecided ? finding : { ...finding, severity }));
}

export type FailureLevel = 'MUST' | 'SHOULD' | 'MAY';

const LEVEL_OF: Readonly<Record<CheckSeverity, FailureLevel>> = { error: 'MUST', warning: 'SHOULD', info: 'MAY' };

/** The level of the requirements a check of this severity verifies. */
export function failureLevel(result: Pick<CheckResult, 'severity'>): FailureLevel {
  return LEVEL_OF[result.severity];
}

/** The result is a failed MUST: it makes the run not conformant. */
export function isMustFailure(result: Pick<CheckResult, 'outcome' | 'severity'>): boolean {
  return result.outcome === 'failed' && failureLevel(result) === 'MUST';
}

/** The failed results counted per level. */
export function failuresByLevel(results: Iterable<Pick<CheckResult, 'outcome' | 'severity'>>): Record<FailureLevel, number> {
  const counts: Record<FailureLevel, number> = { MUST: 0, SHOULD: 0, MAY: 0 };
  for (const result of results) if (result.outcome === 'failed') counts[failureLevel(result)] += 1;
  return counts;
}
