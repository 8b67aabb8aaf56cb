/**
 * compareReports on small hand-built reports (test/helpers/sample-report.ts): what counts as a
 * regression, a fix or another change, how findings are matched between runs, and when runs
 * cannot be compared.
 */
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/diff/compare.js';
import { isKonformError } from '../../src/model/errors.js';
import { countOutcomes } from '../../src/model/outcome.js';
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../helpers/sample-report.js';

const diffOf = (a: Report, b: Report) => compareReports({ report: a, source: 'a' }, { report: b, source: 'b' });

/** Sets a result's outcome and findings, and the outcome of the requirements it alone verifies, with the counts. */
function withResult(report: Report, id: string, outcome: Report['results'][number]['outcome'], findings = report.results.find((r) => r.id === id)!.findings): Report {
  const result = report.results.find((candidate) => candidate.id === id)!;
  Object.assign(result, { outcome, findings });
  for (const requirement of report.requirements) if (requirement.checks.length === 1 && requirement.checks[0] === result.check) requirement.outcome = outcome;
  report.counts = countOutcomes(report.results.map((candidate) => candidate.outcome));
  return report;
}

const violation = { code: 'status-undocumented' as const, message: 'Status 500 is not documented for GET /system', severity: 'error' as const, exchange: 'x1', location: { operation: 'GET /system' } };

describe('compareReports', () => {
  it('finds no change between a report and itself', () => {
    const diff = diffOf(sampleReport(), sampleReport());
    expect(diff.differences).toEqual([]);
    expect(diff.requirements).toEqual([]);
    expect(diff.results).toEqual([]);
    expect(diff.findings).toEqual({ new: [], gone: [] });
    expect(Object.values(diff.summary).every((count) => count === 0)).toBe(true);
  });

  it('calls a result and its requirement that became failed a regression, with the new finding and the failed cases', () => {
    const b = withResult(sampleReport(), 'system-reachable', 'failed', [violation]);
    const diff = diffOf(sampleReport(), b);
    expect(diff.requirements).toEqual([
      expect.objectContaining({ id: 'OPARL-SYS-1', level: 'MUST', change: 'regression', a: 'passed', b: 'failed', failedCases: { a: 0, b: 1 } }),
    ]);
    expect(diff.results).toEqual([{ id: 'system-reachable', check: 'system-reachable', title: 'Check system-reachable', severity: 'error', change: 'regression', a: 'passed', b: 'failed' }]);
    expect(diff.findings).toEqual({ new: [{ check: 'system-reachable', result: 'system-reachable', finding: violation }], gone: [] });
    expect(diff.summary).toMatchObject({ regressions: 2, fixes: 0, newFindings: 1, changedCases: 1 });
  });

  it('calls a failed result that passed a fix, and one that became cantTell neither', () => {
    const b = withResult(withResult(sampleReport(), 'status-documented/GET /bodies', 'passed', []), 'system-reachable', 'cantTell');
    const diff = diffOf(sampleReport(), b);
    expect(diff.results.map((result) => [result.id, result.change, result.a, result.b])).toEqual([
      ['status-documented/GET /bodies', 'fix', 'failed', 'passed'],
      ['system-reachable', 'changed', 'passed', 'cantTell'],
    ]);
    expect(diff.findings.gone.map((change) => change.finding.code)).toEqual(['status-undocumented', 'schema-violation']);
    expect(diff.summary).toMatchObject({ regressions: 0, fixes: 3, otherChanges: 2, goneFindings: 2 });
  });

  it('matches findings by result, code, location and message, not by exchange, time or the port of the target', () => {
    const a = sampleReport();
    a.results[1]!.findings[0]!.message = `Status 418 at ${a.target.url}/bodies is not documented`;
    const b = sampleReport();
    b.target.url = 'https://ris.example.org/oparl/v1';
    b.startedAt = '2025-04-01T08:00:00.000Z';
    b.results[1]!.findings[0]!.message = 'Status 418 at https://ris.example.org/oparl/v1/bodies is not documented';
    for (const finding of b.results[1]!.findings) finding.exchange = 'x9f00';
    expect(diffOf(a, b).findings).toEqual({ new: [], gone: [] });
  });

  it('lists a finding whose message or pointer changed as new and gone, and counts repeated findings', () => {
    const b = sampleReport();
    const [first, second] = b.results[1]!.findings;
    b.results[1]!.findings = [{ ...first!, location: { ...first!.location, specPointer: '/paths/~1bodies/get' } }, second!, second!];
    const diff = diffOf(sampleReport(), b);
    expect(diff.findings.new.map((change) => [change.result, change.finding.code])).toEqual([
      ['status-documented/GET /bodies', 'status-undocumented'],
      ['status-documented/GET /bodies', 'schema-violation'],
    ]);
    expect(diff.findings.gone.map((change) => change.finding.location?.specPointer)).toEqual(['/paths/~1bodies/get/responses']);
    expect(diff.requirements).toEqual([expect.objectContaining({ id: 'OPARL-BODY-1', change: 'cases', a: 'failed', b: 'failed', failedCases: { a: 1, b: 2 } })]);
    expect(diff.results).toEqual([]);
  });

  it('lists results of one run only as new and gone', () => {
    const b = sampleReport();
    const [gone] = b.results.splice(3, 1, { ...b.results[3]!, id: 'pagination/GET /papers', subject: { id: 'GET /papers', title: 'Papers' } });
    const diff = diffOf(sampleReport(), b);
    expect(diff.results.map((result) => [result.id, result.change, result.a, result.b])).toEqual([
      ['pagination/GET /papers', 'new', undefined, 'inapplicable'],
      [gone!.id, 'gone', 'inapplicable', undefined],
    ]);
    expect(diff.findings.new).toHaveLength(1);
    expect(diff.findings.gone).toHaveLength(1);
    expect(diff.summary).toMatchObject({ newResults: 1, goneResults: 1, regressions: 0 });
  });

  it('puts regressions first, MUST before SHOULD', () => {
    const a = sampleReport();
    a.requirements.push({ ...a.requirements[0]!, id: 'OPARL-SYS-2', level: 'SHOULD' });
    const b = withResult(structuredClone(a), 'status-documented/GET /bodies', 'passed', []);
    withResult(b, 'system-reachable', 'failed', [violation]);
    const diff = diffOf(a, b);
    expect(diff.requirements.map((requirement) => [requirement.id, requirement.change])).toEqual([
      ['OPARL-SYS-1', 'regression'],
      ['OPARL-SYS-2', 'regression'],
      ['OPARL-HTTP-2', 'fix'],
      ['OPARL-BODY-1', 'fix'],
    ]);
    expect(diff.requirements.map((requirement) => requirement.level)).toEqual(['MUST', 'SHOULD', 'MUST', 'MUST']);
  });

  it('names another tool version, standard hash and profile, and compares all the same', () => {
    const b = sampleReport();
    b.tool.version = '0.2.0';
    b.standard.manifestSha256 = 'e'.repeat(64);
    b.profile = { ...b.profile, id: 'core-only', classes: ['core'] };
    const diff = diffOf(sampleReport(), b);
    expect(diff.differences.map((difference) => [difference.about, difference.a, difference.b])).toEqual([
      ['tool', 'konform 0.1.0', 'konform 0.2.0'],
      ['standard', `oparl 1.1 (sha256 ${'b'.repeat(64)})`, `oparl 1.1 (sha256 ${'e'.repeat(64)})`],
      ['profile', 'full (core, files)', 'core-only (core)'],
    ]);
    expect(diff.summary.regressions).toBe(0);
  });

  it('refuses runs of different suites', () => {
    const b = sampleReport();
    b.suite.id = 'oparl-1.0';
    let thrown: unknown;
    try {
      diffOf(sampleReport(), b);
    } catch (error) {
      thrown = error;
    }
    expect(isKonformError(thrown) && thrown.code).toBe('KONFORM_ERR_USAGE');
    expect((thrown as Error).message).toBe('a is a run of suite oparl-core, b one of suite oparl-1.0: only runs of the same suite can be compared');
  });
});
