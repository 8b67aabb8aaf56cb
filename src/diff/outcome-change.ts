/**
 * How one outcome changed between two runs. A regression is a thing that became failed — the
 * target broke something, or konform now found that it does; a fix a thing that failed and now
 * passed. Any other change (to or from cantTell, inapplicable or untested) says that konform
 * could decide more or less, or met other cases, not that the target got better or worse: it is
 * listed as a change, and neither regression nor fix.
 */
import type { Outcome } from '../model/outcome.js';
import type { OutcomeChange, Presence } from './types.js';

export function outcomeChange(a: Outcome, b: Outcome): OutcomeChange | undefined {
  if (a === b) return undefined;
  if (b === 'failed') return 'regression';
  return a === 'failed' && b === 'passed' ? 'fix' : 'changed';
}

/** The order changes are listed in: what needs attention first. */
export const CHANGE_ORDER: readonly (OutcomeChange | Presence | 'cases')[] = ['regression', 'fix', 'changed', 'new', 'gone', 'cases'];
