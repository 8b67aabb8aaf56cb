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
const DECIDED_PER_RULE: ReadonlySet<Outcome> = new Set(['failed', 'passed', 'cantTell']);

/** What the results of one check say: outcomes where they decide as a whole, and per rule. */
interface CheckTally {
  outcomes: Set<Outcome>;
  /** Results decided per rule (their findings name rules); the rules' own outcomes. */
  ruledResults: number;
  rules: Map<string, Outcome>;
}

function ruleOutcome(finding: Finding): Outcome {
  return !finding.undecided && BLOCKING.has(finding.severity) ? 'failed' : finding.undecided ? 'cantTell' : 'passed';
}

function tally(results: readonly CheckResult[]): Map<string, CheckTally> {
  const tallies = new Map<string, CheckTally>();
  for (const result of results) {
    let entry = tallies.get(result.check);
    if (!entry) tallies.set(result.check, (entry = { outcomes: new Set(), ruledResults: 0, rules: new Map() }));
    const ruled = DECIDED_PER_RULE.has(result.outcome) && result.findings.some((finding) => finding.rule !== undefined);
    if (!ruled) {
      entry.outcomes.add(result.outcome);
      continue;
    }
    entry.ruledResults += 1;
    for (const finding of result.findings) {
      if (finding.rule === undefined) continue;
      const previous = entry.rules.get(finding.rule);
      entry.rules.set(finding.rule, previous ? combineOutcomes([previous, ruleOutcome(finding)]) : ruleOutcome(finding));
    }
  }
  return tallies;
}

/** The outcome a check's results give one requirement it verifies; undefined when it has no results. */
function outcomeFor(entry: CheckTally | undefined, requirement: string): Outcome | undefined {
  if (!entry) return undefined;
  const outcomes = [...entry.outcomes];
  if (entry.ruledResults > 0) outcomes.push(entry.rules.get(requirement) ?? 'passed');
  return combineOutcomes(outcomes);
}

export function requirementResults(standard: Standard, suite: Suite, results: readonly CheckResult[]): RequirementResult[] {
  const checksByRequirement = new Map<string, string[]>();
  for (const check of suite.classes.flatMap((cls) => cls.checks)) {
    for (const id of check.verifies) checksByRequirement.set(id, [...(checksByRequirement.get(id) ?? []), check.id]);
  }
  const tallies = tally(results);
  return standard.requirements.map((requirement) => {
    const checks = checksByRequirement.get(requirement.id) ?? [];
    const outcomes = checks.flatMap((check) => outcomeFor(tallies.get(check), requirement.id) ?? []);
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
