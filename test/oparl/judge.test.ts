/** The outcome of an OParl check: decided by its own rules, every finding kept, never passed when cut off. */
import { describe, expect, it } from 'vitest';
import type { CheckSpec, Finding } from '../../src/model/types.js';
import { judge } from '../../src/oparl/judge.js';
import { jsonChunks } from '../../src/report/json-chunks.js';
import { summaryChunks } from '../../src/report/markdown.js';
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../helpers/sample-report.js';

const check: CheckSpec = { id: 'c', title: 'c', kind: 'oparl.x', class: 'x', verifies: ['R-1'], severity: 'error', options: {} };
const finding = (rule: string, extra: Partial<Finding> = {}): Finding => ({ code: 'x', message: 'x', rule, ...extra });
const cut = { url: 'http://127.0.0.1/a', budget: 'maxRequests' as const, depth: 3 };

describe('judge', () => {
  it('decides only by the rules the check verifies, and keeps the findings of the others', () => {
    expect(judge(check, { findings: [finding('R-2'), finding('R-2', { undecided: true })], examined: 1 })).toMatchObject({ outcome: 'passed', findings: [{ rule: 'R-2' }, { rule: 'R-2' }] });
    expect(judge(check, { findings: [finding('R-1'), finding('R-2')], examined: 1 })).toMatchObject({ outcome: 'failed', findings: [{ rule: 'R-1' }, { rule: 'R-2' }] });
  });

  it('fails on a blocking finding, cannot tell on an undecided one, and passes warnings (judge/judgement.ts, one rule)', () => {
    expect(judge(check, { findings: [finding('R-1', { undecided: true }), finding('R-1')], examined: 1 }).outcome).toBe('failed');
    expect(judge(check, { findings: [finding('R-1', { undecided: true })], examined: 1 }).outcome).toBe('cantTell');
    expect(judge(check, { findings: [finding('R-1', { severity: 'warning' })], examined: 1 }).outcome).toBe('passed');
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

  it('keeps every finding: 50 of one rule are 50 in report.json, and summary.md counts exactly 50 for the rule', () => {
    const many = Array.from({ length: 50 }, (_, index) => finding('R-1', { severity: 'error', exchange: `x${index}` }));
    const output = judge(check, { findings: many, examined: 50 });
    expect(output.findings).toHaveLength(50);
    expect(output.evidence).toHaveLength(50);
    const report = sampleReport();
    report.results = [{ ...report.results[1]!, check: 'c', outcome: output.outcome, findings: output.findings }];
    const written = JSON.parse([...jsonChunks(report)].join('')) as Report;
    expect(written.results[0]!.findings).toHaveLength(50);
    const summary = [...summaryChunks(report, { lang: 'en' })].join('');
    expect(summary).toMatch(/### `R-1`: This rule is not in the requirement table of the run's standard; its text is in the standard that sets it\.\n\n50 findings at /);
    expect(summary).toContain('  - … and 48 more');
  });

  it('beyond the memory bound keeps the first finding of every rule and code, and cannot tell, saying how many were seen', () => {
    const verifies = { ...check, verifies: ['R-1', 'R-2'] };
    const warnings = Array.from({ length: 6 }, (_, index) => finding(index < 5 ? 'R-1' : 'R-2', { severity: 'warning', exchange: `x${index}` }));
    const output = judge(verifies, { findings: warnings, examined: 6 }, 3);
    expect(output.outcome).toBe('cantTell');
    expect(output.findings.map((f) => [f.rule, f.exchange])).toEqual([['R-1', 'x0'], ['R-1', 'x1'], ['R-2', 'x5'], [undefined, undefined]]);
    expect(output.findings.at(-1)).toMatchObject({ code: 'findings-over-limit', params: { seen: 6, kept: 3, limit: 3 }, undecided: true });
    expect(output.findings.at(-1)?.message).toContain('6 findings');
    expect(judge(verifies, { findings: [...warnings, finding('R-2')], examined: 7 }, 3).outcome).toBe('failed');
  });
});
