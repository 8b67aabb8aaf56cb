/**
 * What a crawl did not reach is never reported as passed. A check over crawled things
 * returns `cutOffOutput` for a subject the budget kept from being fetched, and passes an
 * aggregate outcome through `withinBudget`, which holds a pass back to `untested` while the
 * cut-off part could have changed it.
 */
import type { CheckOutput, Finding } from '../model/types.js';
import type { CutOff } from './types.js';

/** Cut-off URLs named one by one in a finding; the rest are counted. */
const NAMED = 20;

function cutOffFinding(cutOff: readonly CutOff[]): Finding {
  const budgets = [...new Set(cutOff.map(({ budget }) => budget))].sort();
  const named = cutOff.slice(0, NAMED).map(({ url }) => url);
  const more = cutOff.length - named.length;
  return {
    code: 'crawl-cut-off',
    message:
      `${cutOff.length} URL(s) were not fetched because the crawl budget ran out (${budgets.join(', ')}): ${named.join(', ')}` +
      (more > 0 ? ` and ${more} more` : ''),
    params: { count: cutOff.length, budgets, urls: named },
    severity: 'info',
  };
}

/** The output of a subject the crawl did not reach. */
export function cutOffOutput(cutOff: readonly CutOff[]): CheckOutput {
  return { outcome: 'untested', findings: [cutOffFinding(cutOff)] };
}

/**
 * `output`, unless it passed while part of what it covers was cut off: then `untested`,
 * with its findings and a finding naming what was cut off. A failure stays a failure.
 * Pass the cut-off entries that matter to the check (all of `record.cutOff`, or those of one list).
 */
export function withinBudget(output: CheckOutput, cutOff: readonly CutOff[]): CheckOutput {
  if (output.outcome !== 'passed' || cutOff.length === 0) return output;
  return { ...output, outcome: 'untested', findings: [...output.findings, cutOffFinding(cutOff)] };
}
