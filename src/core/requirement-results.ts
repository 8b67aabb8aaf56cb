/**
 * Outcome per requirement. A requirement's outcome combines the outcomes of the results of the
 * checks that verify it (worst first); `untested` when no check of the run verifies it.
 * A check that names the rule of each finding (Schematron asserts, say) verifies many
 * requirements at once: for those, each requirement is decided by the findings of its own rule —
 * failed where one of them is an error, cantTell where one is undecided, passed otherwise.
 */
import type { CheckResult, RequirementResult } from '../report/model.js';
import type { Finding, Standard, Suite } from './model.js';
import { combineOutcomes, type Outcome } from './outcome.js';

const BLOCKING: ReadonlySet<Finding['severity']> = new Set(['fatal', 'error', undefined]);

/** The outcome of one result for one requirement it verifies. */
function outcomeFor(result: CheckResult, requirement: string): Outcome {
  const ruled = result.findings.some((finding) => finding.rule !== undefined);
  if (!ruled || !['failed', 'passed', 'cantTell'].includes(result.outcome)) return result.outcome;
  const own = result.findings.filter((finding) => finding.rule === requirement);
  if (own.some((finding) => !finding.undecided && BLOCKING.has(finding.severity))) return 'failed';
  return own.some((finding) => finding.undecided) ? 'cantTell' : 'passed';
}

export function requirementResults(standard: Standard, suite: Suite, results: readonly CheckResult[]): RequirementResult[] {
  const checksByRequirement = new Map<string, string[]>();
  for (const check of suite.classes.flatMap((cls) => cls.checks)) {
    for (const id of check.verifies) checksByRequirement.set(id, [...(checksByRequirement.get(id) ?? []), check.id]);
  }
  const resultsByCheck = new Map<string, CheckResult[]>();
  for (const result of results) {
    const list = resultsByCheck.get(result.check) ?? [];
    if (list.length === 0) resultsByCheck.set(result.check, list);
    list.push(result);
  }
  return standard.requirements.map((requirement) => {
    const checks = checksByRequirement.get(requirement.id) ?? [];
    const outcomes = checks.flatMap((check) => (resultsByCheck.get(check) ?? []).map((result) => outcomeFor(result, requirement.id)));
    return {
      id: requirement.id,
      class: requirement.class,
      level: requirement.level,
      text: requirement.text,
      clause: requirement.clause,
      outcome: combineOutcomes(outcomes),
      checks,
      ...(requirement.notTestable ? { notTestable: requirement.notTestable } : {}),
    };
  });
}
