/**
 * The verdict of a run under its profile, and the exit code it maps to:
 * 0 conformant, 1 not conformant, 3 inconclusive (2, a usage error, never reaches a verdict).
 * Only checks of severity `error` decide. A run that did not complete, in which no deciding
 * check passed, or in which a host went unexamined — it stopped answering, or konform was not
 * allowed to follow links to it — so that what needed it went unchecked, is never conformant.
 */
import type { CheckResult, Verdict } from '../model/report.js';
import { isMustFailure } from './judgement.js';

export function verdictOf(results: readonly CheckResult[], complete: boolean, hostUnexamined = false): { verdict: Verdict; exitCode: 0 | 1 | 3 } {
  const deciding = results.filter((result) => result.severity === 'error');
  if (!complete) return { verdict: 'inconclusive', exitCode: 3 };
  if (deciding.some(isMustFailure)) return { verdict: 'notConformant', exitCode: 1 };
  const undecided = deciding.some((result) => result.outcome === 'cantTell' || result.outcome === 'untested');
  const anyPassed = deciding.some((result) => result.outcome === 'passed');
  if (undecided || !anyPassed || hostUnexamined) return { verdict: 'inconclusive', exitCode: 3 };
  return { verdict: 'conformant', exitCode: 0 };
}
