/** The outcome of an OParl check: its own rules only, capped findings, never passed when cut off. */
import { describe, expect, it } from 'vitest';
import type { CheckSpec, Finding } from '../../src/core/model.js';
import { judge } from '../../src/oparl/judge.js';

const check: CheckSpec = { id: 'c', title: 'c', kind: 'oparl.x', class: 'x', verifies: ['R-1'], severity: 'error', options: {} };
const finding = (rule: string, extra: Partial<Finding> = {}): Finding => ({ code: 'x', message: 'x', rule, ...extra });
const cut = { url: 'http://127.0.0.1/a', budget: 'maxRequests' as const, depth: 3 };

describe('judge', () => {
  it('reports only the rules the check verifies', () => {
    expect(judge(check, { findings: [finding('R-2')], examined: 1 })).toMatchObject({ outcome: 'passed', findings: [] });
    expect(judge(check, { findings: [finding('R-1'), finding('R-2')], examined: 1 }).findings.map((f) => f.rule)).toEqual(['R-1']);
  });

  it('fails on a blocking finding, cannot tell on an undecided one, and passes warnings unless they fail', () => {
    expect(judge(check, { findings: [finding('R-1', { undecided: true }), finding('R-1')], examined: 1 }).outcome).toBe('failed');
    expect(judge(check, { findings: [finding('R-1', { undecided: true })], examined: 1 }).outcome).toBe('cantTell');
    expect(judge(check, { findings: [finding('R-1', { severity: 'warning' })], examined: 1 }).outcome).toBe('passed');
    expect(judge(check, { findings: [finding('R-1', { severity: 'warning' })], examined: 1, warningsFail: true }).outcome).toBe('failed');
  });

  it('is untested, not passed, while the crawl budget cut off part of the subject; a failure stays a failure', () => {
    expect(judge(check, { findings: [], examined: 5, cutOff: [cut] }).outcome).toBe('untested');
    expect(judge(check, { findings: [], examined: 0, cutOff: [cut] }).outcome).toBe('untested');
    expect(judge(check, { findings: [finding('R-1')], examined: 5, cutOff: [cut] }).outcome).toBe('failed');
    expect(judge(check, { findings: [], examined: 0, nothing: 'no lists' })).toMatchObject({ outcome: 'inapplicable', findings: [{ message: 'no lists' }] });
  });

  it('cannot tell, for every rule it verifies, when links to objects of the subject got no answer', () => {
    const unreached = [{ url: 'http://127.0.0.1/b', exchange: 'e1', reason: 'connectionReset' as const, message: 'reset', depth: 2 }];
    const output = judge({ ...check, verifies: ['R-1', 'R-2'] }, { findings: [], examined: 3, unreached });
    expect(output.outcome).toBe('cantTell');
    expect(output.findings.map((f) => [f.rule, f.undecided])).toEqual([['R-1', true], ['R-2', true]]);
    expect(judge(check, { findings: [finding('R-1')], examined: 3, unreached }).outcome).toBe('failed');
  });

  it('keeps maxFindings per rule and code, and counts the rest', () => {
    const many = Array.from({ length: 25 }, (_, index) => finding('R-1', { exchange: `x${index}` }));
    const output = judge(check, { findings: many, examined: 25 }, 20);
    expect(output.findings).toHaveLength(21);
    expect(output.findings.at(-1)).toMatchObject({ code: 'more-findings', params: { count: 5 }, severity: 'information' });
    expect(output.evidence).toHaveLength(20);
  });
});
