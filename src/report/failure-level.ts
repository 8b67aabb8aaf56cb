/**
 * Which failures decide the verdict, the one rule every output follows: a failed result of a
 * check of severity `error` violates a MUST; a failed result of a `warning` check (a SHOULD)
 * or an `info` check (a MAY) is reported as such and never as a failure of the run
 * (RFC 2119 levels, DESIGN "Judgement": severity follows the requirement level).
 */
import type { CheckSeverity } from '../core/model.js';
import type { CheckResult } from './model.js';

export type FailureLevel = 'MUST' | 'SHOULD' | 'MAY';

const LEVEL_OF: Readonly<Record<CheckSeverity, FailureLevel>> = { error: 'MUST', warning: 'SHOULD', info: 'MAY' };

/** The level of the requirements a check of this severity verifies. */
export function failureLevel(result: Pick<CheckResult, 'severity'>): FailureLevel {
  return LEVEL_OF[result.severity];
}

/** The result is a failed MUST: it makes the run not conformant. */
export function isMustFailure(result: Pick<CheckResult, 'outcome' | 'severity'>): boolean {
  return result.outcome === 'failed' && failureLevel(result) === 'MUST';
}

/** The failed results counted per level. */
export function failuresByLevel(results: Iterable<Pick<CheckResult, 'outcome' | 'severity'>>): Record<FailureLevel, number> {
  const counts: Record<FailureLevel, number> = { MUST: 0, SHOULD: 0, MAY: 0 };
  for (const result of results) if (result.outcome === 'failed') counts[failureLevel(result)] += 1;
  return counts;
}
