import { describe, expect, it } from 'vitest';
import type { Finding, Standard, Suite } from '../../src/model/types.js';
import type { Outcome } from '../../src/model/outcome.js';
import { requirementResults } from '../../src/judge/requirement-results.js';
import type { CheckResult } from '../../src/model/report.js';

const requirement = (id: string) => ({ id, class: 'rules', level: 'MUST' as const, text: id, clause: 'https://example.org/' });
const standard = { requirements: ['BR-1', 'BR-2', 'BR-3', 'XSD'].map(requirement) } as Standard;
const suite = {
  classes: [
    {
      id: 'rules',
      title: 'rules',
      checks: [
        { id: 'schematron', title: '', kind: 'xml.schematron', class: 'rules', verifies: ['BR-1', 'BR-2', 'BR-3'], severity: 'error', options: {} },
        { id: 'xsd', title: '', kind: 'xml.xsd', class: 'rules', verifies: ['XSD'], severity: 'error', options: {} },
      ],
    },
  ],
} as unknown as Suite;

function result(check: string, outcome: Outcome, findings: Finding[] = []): CheckResult {
  return { id: check, check, kind: 'x.y', class: 'rules', title: check, severity: 'error', outcome, durationMs: 0, findings, evidence: [] };
}

describe('requirementResults', () => {
  it('decides each rule of a rule-reporting check by its own findings', () => {
    const findings: Finding[] = [
      { code: 'failed-assert', message: 'm', rule: 'BR-1', severity: 'error' },
      { code: 'failed-assert', message: 'm', rule: 'BR-3', severity: 'info' },
    ];
    const outcomes = requirementResults(standard, suite, [result('schematron', 'failed', findings), result('xsd', 'passed')]);
    expect(Object.fromEntries(outcomes.map((r) => [r.id, r.outcome]))).toEqual({ 'BR-1': 'failed', 'BR-2': 'passed', 'BR-3': 'passed', XSD: 'passed' });
  });

  it('fails a rule that fired as a warning (a SHOULD), in a result that passed', () => {
    const warning: Finding = { code: 'failed-assert', message: 'm', rule: 'BR-2', severity: 'warning' };
    const outcomes = requirementResults(standard, suite, [result('schematron', 'passed', [warning])]);
    expect(outcomes.slice(0, 3).map((r) => r.outcome)).toEqual(['passed', 'failed', 'passed']);
  });

  it('makes a rule cantTell where its finding is undecided, in a failed or a cantTell result', () => {
    const undecided: Finding = { code: 'unknown-list', message: 'm', rule: 'BR-2', severity: 'warning', undecided: true };
    const failed = requirementResults(standard, suite, [result('schematron', 'failed', [undecided, { code: 'x', message: 'm', rule: 'BR-1' }])]);
    expect(failed.slice(0, 3).map((r) => r.outcome)).toEqual(['failed', 'cantTell', 'passed']);
    const cantTell = requirementResults(standard, suite, [result('schematron', 'cantTell', [undecided])]);
    expect(cantTell.slice(0, 3).map((r) => r.outcome)).toEqual(['passed', 'cantTell', 'passed']);
  });

  it('never fails a MUST by a check of severity warning (a heuristic): the requirement is cantTell, as the verdict stays conformant', () => {
    const heuristic = { id: 'heuristic', title: '', kind: 'x.y', class: 'rules', verifies: ['XSD'], severity: 'warning', options: {} };
    const withHeuristic = { classes: [{ ...suite.classes[0]!, checks: [...suite.classes[0]!.checks, heuristic] }] } as unknown as Suite;
    const failedWarning = { ...result('heuristic', 'failed', [{ code: 'x', message: 'm' }]), severity: 'warning' as const };
    const outcomes = requirementResults(standard, withHeuristic, [result('xsd', 'passed'), failedWarning]);
    expect(outcomes.find((r) => r.id === 'XSD')?.outcome).toBe('cantTell');
    const should = { requirements: [{ ...requirement('XSD'), level: 'SHOULD' as const }] } as Standard;
    expect(requirementResults(should, withHeuristic, [result('xsd', 'passed'), failedWarning])[0]?.outcome).toBe('failed');
  });

  it('keeps the check outcome when the check could not decide or names no rules', () => {
    const outcomes = requirementResults(standard, suite, [result('schematron', 'cantTell'), result('xsd', 'failed', [{ code: 'x', message: 'm' }])]);
    expect(outcomes.map((r) => r.outcome)).toEqual(['cantTell', 'cantTell', 'cantTell', 'failed']);
  });

  it('decides only the rules a result met a case of, where it names them; the others are inapplicable', () => {
    const byRule = (results: CheckResult[]) => Object.fromEntries(requirementResults(standard, suite, results).slice(0, 3).map((r) => [r.id, r.outcome]));
    const failedOne = { ...result('schematron', 'failed', [{ code: 'x', message: 'm', rule: 'BR-1' }]), rules: ['BR-1', 'BR-2'] };
    expect(byRule([failedOne])).toEqual({ 'BR-1': 'failed', 'BR-2': 'passed', 'BR-3': 'inapplicable' });
    const passedOne = { ...result('schematron', 'passed'), rules: ['BR-3'] };
    expect(byRule([passedOne, result('schematron', 'inapplicable')])).toEqual({ 'BR-1': 'inapplicable', 'BR-2': 'inapplicable', 'BR-3': 'passed' });
  });

  it('is untested for requirements no check of the run verifies', () => {
    expect(requirementResults(standard, suite, []).every((r) => r.outcome === 'untested')).toBe(true);
  });
});
