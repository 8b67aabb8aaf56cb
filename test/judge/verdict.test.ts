import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/model/outcome.js';
import { combineOutcomes } from '../../src/model/outcome.js';
import { verdictOf } from '../../src/judge/verdict.js';
import type { CheckResult } from '../../src/model/report.js';

function result(outcome: Outcome, severity: CheckResult['severity'] = 'error'): CheckResult {
  return { id: outcome, check: outcome, kind: 'k.k', class: 'c', title: 't', severity, outcome, durationMs: 0, findings: [], evidence: [] };
}

describe('verdictOf', () => {
  it('is conformant only when a deciding check passed and none failed or stayed undecided', () => {
    expect(verdictOf([result('passed'), result('inapplicable')], true)).toEqual({ verdict: 'conformant', exitCode: 0 });
  });
  it('is not conformant when a deciding check failed', () => {
    expect(verdictOf([result('passed'), result('failed'), result('cantTell')], true)).toEqual({ verdict: 'notConformant', exitCode: 1 });
  });
  it('ignores failures of warning and info checks', () => {
    expect(verdictOf([result('passed'), result('failed', 'warning')], true).exitCode).toBe(0);
  });
  it('is inconclusive when konform could not decide, when nothing passed, or when the run did not complete', () => {
    expect(verdictOf([result('passed'), result('cantTell')], true).exitCode).toBe(3);
    expect(verdictOf([result('inapplicable')], true).exitCode).toBe(3);
    expect(verdictOf([], true).exitCode).toBe(3);
    expect(verdictOf([result('passed'), result('failed')], false)).toEqual({ verdict: 'inconclusive', exitCode: 3 });
  });
  it('is never conformant when a host stopped answering, and not conformant still when a deciding check failed', () => {
    expect(verdictOf([result('passed')], true, true)).toEqual({ verdict: 'inconclusive', exitCode: 3 });
    expect(verdictOf([result('passed'), result('failed')], true, true)).toEqual({ verdict: 'notConformant', exitCode: 1 });
  });
});

describe('combineOutcomes', () => {
  it('takes the worst outcome', () => {
    expect(combineOutcomes(['passed', 'cantTell', 'inapplicable'])).toBe('cantTell');
    expect(combineOutcomes(['passed', 'failed', 'cantTell'])).toBe('failed');
    expect(combineOutcomes(['inapplicable', 'passed'])).toBe('passed');
    expect(combineOutcomes([])).toBe('untested');
  });
});
