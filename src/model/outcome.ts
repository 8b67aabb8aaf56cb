/**
 * Outcomes follow EARL 1.0 (W3C, https://www.w3.org/TR/EARL10-Schema/#OutcomeValue):
 * passed, failed, cantTell, inapplicable, untested. konform uses cantTell for every case
 * in which it could not decide (timeout, unreachable, response too large, engine missing),
 * so "the target failed" never mixes with "konform could not check".
 */
export const OUTCOMES = ['passed', 'failed', 'cantTell', 'inapplicable', 'untested'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Worst first: the order in which outcomes of several parts combine into one. */
const PRECEDENCE: readonly Outcome[] = ['failed', 'cantTell', 'untested', 'passed', 'inapplicable'];

/** The worse of two outcomes; `outcome` alone when there is no other yet. */
export function worseOutcome(other: Outcome | undefined, outcome: Outcome): Outcome {
  return other === undefined || PRECEDENCE.indexOf(outcome) < PRECEDENCE.indexOf(other) ? outcome : other;
}

/** Combines the outcomes of the parts of one thing (the checks of a requirement, say). */
export function combineOutcomes(outcomes: Iterable<Outcome>): Outcome {
  let worst: Outcome | undefined;
  for (const outcome of outcomes) worst = worseOutcome(worst, outcome);
  return worst ?? 'untested';
}

export type OutcomeCounts = Record<Outcome, number>;

export function countOutcomes(outcomes: Iterable<Outcome>): OutcomeCounts {
  const counts: OutcomeCounts = { passed: 0, failed: 0, cantTell: 0, inapplicable: 0, untested: 0 };
  for (const outcome of outcomes) counts[outcome] += 1;
  return counts;
}
