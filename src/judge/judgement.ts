/**
 * What a finding says about its rule and its check, and which failures decide the verdict, in
 * one place every output follows. Severities follow the levels of the requirements (RFC 2119):
 * a MUST violated is an `error`, a SHOULD violated a `warning`, `info` is what a MAY or a note
 * reports (Schematron's flag="fatal" is an error, "information" info). A finding of a failed result that names no
 * severity of its own takes its check's. A failed check of severity `error` violates a MUST and
 * makes the run not conformant; a failed `warning` (SHOULD) or `info` (MAY) check is reported
 * as such, never as a failure of the run.
 */
import type { CheckResult } from '../model/report.js';
import type { Finding, Severity } from '../model/types.js';
import type { Outcome } from '../model/outcome.js';

/** The finding stops its check from passing: a violation of a MUST (an error, or unnamed). */
export function blocksCheck(finding: Finding): boolean {
  return !finding.undecided && (finding.severity === undefined || finding.severity === 'error');
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
  return finding.severity === 'info' ? 'passed' : 'failed';
}

/** Severities from the most severe; sorting by it puts MUST violations first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The severity a finding of a check of severity `check` has in the report. */
function severityIn(finding: Finding, outcome: Outcome, check: Severity): Severity | undefined {
  if (finding.undecided) return finding.severity;
  if (finding.severity === undefined) return outcome === 'failed' ? check : undefined;
  return SEVERITY_RANK[finding.severity] < SEVERITY_RANK[check] ? check : finding.severity;
}

/**
 * The findings of a result at its check's level: a violation that names no severity takes its
 * check's, and none is more severe than its check — a finding of a SHOULD check is a warning,
 * whatever its kind wrote, as the check's requirements are SHOULDs.
 */
export function withSeverity(findings: Finding[], outcome: Outcome, check: Severity): Finding[] {
  if (findings.every((finding) => severityIn(finding, outcome, check) === finding.severity)) return findings;
  return findings.map((finding) => {
    const severity = severityIn(finding, outcome, check);
    return severity === finding.severity || severity === undefined ? finding : { ...finding, severity };
  });
}

export type FailureLevel = 'MUST' | 'SHOULD' | 'MAY';

const LEVEL_OF: Readonly<Record<Severity, FailureLevel>> = { error: 'MUST', warning: 'SHOULD', info: 'MAY' };

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
