/**
 * Step 4 of a run: the judgement of the whole. From the check results, by the one outcome
 * rule (judgement.ts): the requirement table, the counts of outcomes, and the verdict with
 * the exit code it maps to.
 */
import { countOutcomes } from '../model/outcome.js';
import type { CheckResult, Report } from '../model/report.js';
import type { Standard, Suite } from '../model/types.js';
import { requirementResults } from './requirement-results.js';
import { verdictOf } from './verdict.js';

export type RunJudgement = Pick<Report, 'verdict' | 'exitCode' | 'counts' | 'requirements'>;

export function judgeRun(
  standard: Standard,
  suite: Suite,
  results: readonly CheckResult[],
  run: { complete: boolean; hostUnexamined: boolean },
): RunJudgement {
  return {
    ...verdictOf(results, run.complete, run.hostUnexamined),
    counts: countOutcomes(results.map((result) => result.outcome)),
    requirements: requirementResults(standard, suite, results),
  };
}
