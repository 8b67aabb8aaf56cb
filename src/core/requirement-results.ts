/**
 * Outcome per requirement: the combination of the outcomes of the checks that verify it in
 * this run (worst first), `untested` when no check of the run verifies it.
 */
import type { Standard, Suite } from './model.js';
import { combineOutcomes } from './outcome.js';
import type { CheckResult, RequirementResult } from '../report/model.js';

export function requirementResults(standard: Standard, suite: Suite, results: readonly CheckResult[]): RequirementResult[] {
  const checksByRequirement = new Map<string, string[]>();
  for (const cls of suite.classes) {
    for (const check of cls.checks) {
      for (const id of check.verifies) checksByRequirement.set(id, [...(checksByRequirement.get(id) ?? []), check.id]);
    }
  }
  return standard.requirements.map((requirement) => {
    const checks = checksByRequirement.get(requirement.id) ?? [];
    const outcomes = results.filter((result) => checks.includes(result.check)).map((result) => result.outcome);
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
