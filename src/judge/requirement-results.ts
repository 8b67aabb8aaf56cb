/**
 * Outcome per requirement. A requirement's outcome combines the outcomes of the results of the
 * checks that verify it (worst first); `untested` when no check of the run verifies it.
 * A check that names the rule of each finding (Schematron asserts, say) verifies many
 * requirements at once: for those, each requirement is decided by the findings of its own rule
 * (judgement.ts) — failed where one of them is a violation, a SHOULD that fired included,
 * cantTell where one is undecided, passed otherwise.
 * A result that names the rules it met a case of (`rules`) decides only those: a requirement
 * none of its check's results decides is `inapplicable` — nothing it concerns was there.
 * A check fails a requirement only at a level its severity decides: a check of severity
 * `warning` (a heuristic, say) that fails a MUST requirement makes it `cantTell`, since only
 * a check of severity `error` can make a run not conformant, and the table never says a MUST
 * failed where the verdict says conformant.
 */
import type { CheckResult, RequirementResult } from '../model/report.js';
import { failureLevel, ruleOutcome } from './judgement.js';
import type { CheckSpec, Level, Standard, Suite } from '../model/types.js';
import { combineOutcomes, worseOutcome, type Outcome } from '../model/outcome.js';

const DECIDED_PER_RULE: ReadonlySet<Outcome> = new Set(['failed', 'passed', 'cantTell']);

/** What the results of one check say, combined as they come: for every rule it verifies, and for single rules. */
interface CheckTally {
  every?: Outcome;
  byRule: Map<string, Outcome>;
}

function add(tally: CheckTally, outcome: Outcome, rules: readonly string[] | undefined): void {
  if (!rules) return void (tally.every = worseOutcome(tally.every, outcome));
  for (const rule of rules) tally.byRule.set(rule, worseOutcome(tally.byRule.get(rule), outcome));
}

function tally(results: readonly CheckResult[]): Map<string, CheckTally> {
  const tallies = new Map<string, CheckTally>();
  for (const result of results) {
    let entry = tallies.get(result.check);
    if (!entry) tallies.set(result.check, (entry = { byRule: new Map() }));
    const ruled = DECIDED_PER_RULE.has(result.outcome) && result.findings.some((finding) => finding.rule !== undefined);
    if (!ruled) {
      add(entry, result.outcome, result.rules);
      continue;
    }
    // The rules without a finding of their own passed; the findings' rules combine theirs with it.
    add(entry, 'passed', result.rules);
    for (const finding of result.findings) if (finding.rule !== undefined) add(entry, ruleOutcome(finding), [finding.rule]);
  }
  return tallies;
}

/** The outcome a check's results give one requirement it verifies; undefined when it has no results. */
function outcomeFor(entry: CheckTally | undefined, requirement: string): Outcome | undefined {
  if (!entry) return undefined;
  const outcomes = [entry.every, entry.byRule.get(requirement)].filter((outcome): outcome is Outcome => outcome !== undefined);
  return outcomes.length === 0 ? 'inapplicable' : combineOutcomes(outcomes);
}

/** Levels from the strictest; sorting by it puts MUST requirements first. */
export const LEVEL_RANK: Readonly<Record<Level, number>> = { MUST: 0, SHOULD: 1, MAY: 2 };

/** A failure of a check whose severity is below the requirement's level decides nothing about it. */
function atLevel(outcome: Outcome, check: CheckSpec, level: Level): Outcome {
  return outcome === 'failed' && LEVEL_RANK[failureLevel(check)] > LEVEL_RANK[level] ? 'cantTell' : outcome;
}

export function requirementResults(standard: Standard, suite: Suite, results: readonly CheckResult[]): RequirementResult[] {
  const checksByRequirement = new Map<string, CheckSpec[]>();
  for (const check of suite.classes.flatMap((cls) => cls.checks)) {
    for (const id of check.verifies) checksByRequirement.set(id, [...(checksByRequirement.get(id) ?? []), check]);
  }
  const tallies = tally(results);
  return standard.requirements.map((requirement) => {
    const verifying = checksByRequirement.get(requirement.id) ?? [];
    const checks = verifying.map((check) => check.id);
    const outcomes = verifying.flatMap((check) => {
      const outcome = outcomeFor(tallies.get(check.id), requirement.id);
      return outcome === undefined ? [] : [atLevel(outcome, check, requirement.level)];
    });
    return {
      id: requirement.id,
      class: requirement.class,
      level: requirement.level,
      text: requirement.text,
      ...(requirement.language ? { textLanguage: requirement.language } : {}),
      ...(requirement.translations ? { translations: requirement.translations } : {}),
      clause: requirement.clause,
      outcome: combineOutcomes(outcomes),
      checks,
      ...(requirement.notTestable ? { notTestable: requirement.notTestable } : {}),
    };
  });
}
