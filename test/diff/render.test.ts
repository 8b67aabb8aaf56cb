/**
 * The forms of a diff: regressions first in each, values escaped (a finding's message may come
 * from a hostile server), the HTML page self-contained without scripts, the JSON valid against
 * diff.schema.json.
 */
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/diff/compare.js';
import { DIFF_FORMATS } from '../../src/diff/formats.js';
import { countOutcomes } from '../../src/model/outcome.js';
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../helpers/sample-report.js';
import { diffSchemaErrors } from './diff-cli.js';

const HOSTILE = 'Status 500 <script>alert(1)</script> | *not* documented\u001b[31m\nnext line';

/** Run b: system-reachable failed with 30 findings with a hostile message (regression), status-documented passed (fix), files-accessible passed (other change). */
function changedRun(): Report {
  const report = sampleReport();
  report.tool.version = '0.2.0';
  const [reachable, documented] = report.results;
  Object.assign(reachable!, {
    outcome: 'failed',
    findings: Array.from({ length: 30 }, (_, index) => ({ code: 'status-undocumented', message: `${HOSTILE} #${index}`, severity: 'error', location: { bodyPointer: `/data/${index}` } })),
  });
  Object.assign(documented!, { outcome: 'passed', findings: [] });
  report.results[4]!.outcome = 'passed';
  report.requirements[0]!.outcome = 'failed';
  report.requirements[1]!.outcome = 'passed';
  report.requirements[2]!.outcome = 'passed';
  report.counts = countOutcomes(report.results.map((result) => result.outcome));
  return report;
}

const diff = compareReports({ report: sampleReport(), source: 'runs/a' }, { report: changedRun(), source: 'runs/b' });

describe('the forms of a diff', () => {
  it('text: the differing tool version, the counts, regressions before fixes, findings grouped with a count', () => {
    const text = DIFF_FORMATS.text(diff);
    expect(text).toContain('The runs differ in:\n  tool: konform 0.1.0 → konform 0.2.0');
    expect(text).toContain('counts: passed 1 → 2, untested 1 → 0');
    expect(text.indexOf('Regressions (2)')).toBeLessThan(text.indexOf('Fixes (3)'));
    expect(text).toContain('requirement OPARL-SYS-1 (MUST): passed → failed, failed cases 0 → 1');
    expect(text).toContain('system-reachable: 30 × error status-undocumented');
    expect(text).toContain('… and 27 more');
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\nnext line');
  });

  it('text: nothing but the header when nothing changed', () => {
    const same = DIFF_FORMATS.text(compareReports({ report: sampleReport(), source: 'a' }, { report: sampleReport(), source: 'b' }));
    expect(same).toContain('counts: unchanged\n0 regressions, 0 fixes, 0 other changes, 0 new and 0 gone results, 0 new and 0 gone findings');
    expect(same).not.toContain('The runs differ');
    expect(same.trimEnd().split('\n')).toHaveLength(6);
  });

  it('Markdown: escaped values, the note, a table per kind of change', () => {
    const md = DIFF_FORMATS.md(diff);
    expect(md).toContain('> **The runs differ in:**');
    expect(md).toContain('## Regressions (2)');
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
    expect(md.indexOf('## Regressions')).toBeLessThan(md.indexOf('## Fixes'));
  });

  it('HTML: self-contained, no script, every finding listed and escaped', () => {
    const html = DIFF_FORMATS.html(diff);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'">/);
    expect(html).not.toMatch(/<script|\ssrc=|<link|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<li>Status 500/g)).toHaveLength(30);
    expect(html).not.toContain('\u001b');
    expect(html.indexOf('Regressions (2)')).toBeLessThan(html.indexOf('Fixes (3)'));
  });

  it('JSON: valid against diff.schema.json, and the same diff again', () => {
    const json: unknown = JSON.parse(DIFF_FORMATS.json(diff));
    expect(diffSchemaErrors(json)).toEqual([]);
    expect(json).toEqual(JSON.parse(JSON.stringify(diff)));
    expect(diffSchemaErrors({ ...diff, summary: { ...diff.summary, regressions: -1 } })).not.toEqual([]);
  });
});
