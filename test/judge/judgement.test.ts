import { describe, expect, it } from 'vitest';
import { blocksCheck, outcomeOfFindings, ruleOutcome, withSeverity } from '../../src/judge/judgement.js';
import type { Finding } from '../../src/model/types.js';

const finding = (extra: Partial<Finding> = {}): Finding => ({ code: 'x', message: 'm', ...extra });

describe('judgement of findings', () => {
  it('blocks a check for a MUST violation only', () => {
    expect([undefined, 'fatal', 'error', 'warning', 'information'].map((severity) => blocksCheck(finding(severity ? { severity: severity as Finding['severity'] } : {})))).toEqual([
      true, true, true, false, false,
    ]);
    expect(blocksCheck(finding({ severity: 'error', undecided: true }))).toBe(false);
  });

  it('fails the rule of every violation, a SHOULD included; information passes; undecided is cantTell', () => {
    expect(ruleOutcome(finding({ severity: 'warning' }))).toBe('failed');
    expect(ruleOutcome(finding({ severity: 'fatal' }))).toBe('failed');
    expect(ruleOutcome(finding())).toBe('failed');
    expect(ruleOutcome(finding({ severity: 'information' }))).toBe('passed');
    expect(ruleOutcome(finding({ severity: 'error', undecided: true }))).toBe('cantTell');
  });

  it('decides a result from its findings: a MUST violation fails it, an undecided finding leaves it cantTell, warnings pass', () => {
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ undecided: true }), finding({ severity: 'fatal' })])).toBe('failed');
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ undecided: true })])).toBe('cantTell');
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ severity: 'information' })])).toBe('passed');
  });

  it("gives the violations of a failed result its check's severity where they name none", () => {
    const findings = [finding(), finding({ severity: 'information' }), finding({ undecided: true })];
    expect(withSeverity(findings, 'failed', 'warning').map((f) => f.severity)).toEqual(['warning', 'information', undefined]);
    expect(withSeverity(findings, 'failed', 'info')[0]?.severity).toBe('information');
    expect(withSeverity(findings, 'cantTell', 'error')).toBe(findings);
  });
});
