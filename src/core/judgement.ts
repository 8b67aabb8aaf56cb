/**
 * What a finding says about its rule and its check, in one place. Severities follow the levels
 * of the requirements (RFC 2119): a MUST violated is an error (or fatal, as Schematron flags
 * it), a SHOULD violated a warning, information is what MAY or a note reports. A finding of a
 * failed result that names no severity of its own takes its check's.
 */
import type { CheckSeverity, Finding, FindingSeverity } from './model.js';
import type { Outcome } from './outcome.js';

const FINDING_SEVERITY: Readonly<Record<CheckSeverity, FindingSeverity>> = { error: 'error', warning: 'warning', info: 'information' };

/** The severity a finding of a check of this severity has where it names none. */
export function findingSeverityOf(check: CheckSeverity): FindingSeverity {
  return FINDING_SEVERITY[check];
}

/** The finding stops its check from passing: a violation of a MUST (fatal, error, or unnamed). */
export function blocksCheck(finding: Finding): boolean {
  return !finding.undecided && (finding.severity === undefined || finding.severity === 'fatal' || finding.severity === 'error');
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
