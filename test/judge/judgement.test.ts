import { describe, expect, it } from 'vitest';
import { blocksCheck, outcomeOfFindings, ruleOutcome, withSeverity } from '../../src/judge/judgement.js';
import type { Finding } from '../../src/model/types.js';

const finding = (extra: Partial<Finding> = {}): Finding => ({ code: 'x', message: 'm', ...extra });

describe('judgement of findings', () => {
  it('blocks a check for a MUST violation only', () => {
    expect([undefined, 'error', 'warning', 'info'].map((severity) => blocksCheck(finding(severity ? { severity: severity as Finding['severity'] } : {})))).toEqual([
      true, true, false, false,
    ]);
    expect(blocksCheck(finding({ severity: 'error', undecided: true }))).toBe(false);
  });

  it('fails the rule of every violation, a SHOULD included; info passes; undecided is cantTell', () => {
    expect(ruleOutcome(finding({ severity: 'warning' }))).toBe('failed');
    expect(ruleOutcome(finding({ severity: 'error' }))).toBe('failed');
    expect(ruleOutcome(finding())).toBe('failed');
    expect(ruleOutcome(finding({ severity: 'info' }))).toBe('passed');
    expect(ruleOutcome(finding({ severity: 'error', undecided: true }))).toBe('cantTell');
  });

  it('decides a result from its findings: a MUST violation fails it, an undecided finding leaves it cantTell, warnings pass', () => {
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ undecided: true }), finding({ severity: 'error' })])).toBe('failed');
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ undecided: true })])).toBe('cantTell');
    expect(outcomeOfFindings([finding({ severity: 'warning' }), finding({ severity: 'info' })])).toBe('passed');
  });

  it("gives the violations of a failed result its check's severity where they name none", () => {
    const findings = [finding(), finding({ severity: 'info' }), finding({ undecided: true })];
    expect(withSeverity(findings, 'failed', 'warning').map((f) => f.severity)).toEqual(['warning', 'info', undefined]);
    expect(withSeverity(findings, 'failed', 'info')[0]?.severity).toBe('info');
    expect(withSeverity(findings, 'cantTell', 'error')).toBe(findings);
  });

  it("holds every finding to its check's level: an error of a SHOULD check is a warning, of a MAY check info", () => {
    const findings = [finding({ severity: 'error' }), finding({ severity: 'warning' }), finding({ severity: 'info' }), finding({ severity: 'error', undecided: true })];
    expect(withSeverity(findings, 'failed', 'warning').map((f) => f.severity)).toEqual(['warning', 'warning', 'info', 'error']);
    expect(withSeverity(findings, 'failed', 'info').map((f) => f.severity)).toEqual(['info', 'info', 'info', 'error']);
    expect(withSeverity(findings, 'failed', 'error')).toBe(findings);
  });
});
