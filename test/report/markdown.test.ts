import { describe, expect, it } from 'vitest';
import { summaryChunks } from '../../src/report/markdown.js';
import { mdCode, mdText } from '../../src/report/markdown-text.js';
import type { Report } from '../../src/model/report.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { withShouldAndMayFailures } from './level-failures-report.js';

const renderSummary = (report: Report): string => [...summaryChunks(report)].join('');

/** The cells of a GFM table row, splitting at pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

function tableRow(summary: string, start: string): string {
  const row = summary.split('\n').find((line) => line.startsWith(start));
  if (!row) throw new Error(`no row starting with ${start}`);
  return row;
}

describe('renderSummary', () => {
  it('starts with the verdict and says what was tested, with versions and hashes', () => {
    const summary = renderSummary(sampleReport());
    expect(summary.split('\n')[0]).toBe('# konform: not conformant — OParl 1.1 core 1.0.0');
    expect(summary).not.toContain('Incomplete run');
    expect(summary).toContain(`| Suite | \`oparl-core\` 1.0.0 — OParl 1.1 core, sha256 \`${'a'.repeat(64)}\` |`);
    expect(summary).toContain(`manifest sha256 \`${'b'.repeat(64)}\``);
    expect(summary).toContain('spec `vendor/openapi.yaml` (Vendor OParl API 2.3 OpenAPI 3.1.0)');
    expect(summary).toContain('| Profile | `full` — Everything; classes `core`, `files` |');
  });

  it('counts checks and requirements per outcome', () => {
    const summary = renderSummary(sampleReport());
    expect(cells(tableRow(summary, '| failed |'))).toEqual(['failed', '1', '2']);
    expect(cells(tableRow(summary, '| untested |'))).toEqual(['untested', '1', '2']);
    expect(cells(tableRow(summary, '| total |'))).toEqual(['total', '5', '7']);
  });

  it('lists requirements failed first, with their outcome in a column of their own', () => {
    const summary = renderSummary(sampleReport());
    const rows = summary.split('\n').filter((line) => line.startsWith('| [OPARL-'));
    expect(rows.map((row) => cells(row)[3])).toEqual([
      '**failed**', '**failed**', 'cantTell', 'untested', 'untested', 'inapplicable', 'passed',
    ]);
    expect(rows.every((row) => cells(row).length === 6)).toBe(true);
  });

  it('explains the failed and cantTell results with their findings', () => {
    const summary = renderSummary(sampleReport());
    const failed = summary.slice(summary.indexOf('## Failed'), summary.indexOf('## Could not tell'));
    expect(failed).toContain('### `status-documented` — Check status-documented');
    expect(failed).toContain('  - **error status-undocumented**: Status 418 is not documented for GET /bodies');
    expect(failed).toContain('operation `GET /bodies` · spec `/components/schemas/Body/properties/id/type` · body `/data/0/id`');
    expect(failed).toContain('exchange `x2`: `GET http://127.0.0.1:8080/oparl/v1/bodies → 418');
    const cantTell = summary.slice(summary.indexOf('## Could not tell'));
    expect(cantTell).toContain('`GET http://127.0.0.1:8080/oparl/v1/meetings → timeout: no response within 10000 ms`');
    expect(summary).not.toContain('pagination/GET /system');
  });

  it('lists failed SHOULD and MAY checks as warnings apart from the failed MUSTs, and counts them apart', () => {
    const summary = renderSummary(withShouldAndMayFailures());
    expect(summary).toContain('Failed checks: 1 MUST (deciding the verdict), 1 SHOULD, 1 MAY.');
    const failed = summary.slice(summary.indexOf('## Failed (MUST)'), summary.indexOf('## Warnings'));
    expect(failed).toContain('- `status-documented/GET /bodies`');
    expect(failed).not.toContain('naming/GET /bodies');
    const warnings = summary.slice(summary.indexOf('## Warnings (failed SHOULD and MAY checks)'), summary.indexOf('## Could not tell'));
    expect(warnings).toContain('- `naming/GET /bodies`');
    expect(warnings).toContain('- `hints/GET /bodies`');
    expect(warnings).not.toContain('status-documented/GET /bodies');
  });

  it('puts an interrupted run in the title area', () => {
    const summary = renderSummary(incompleteReport());
    const [title, , notice] = summary.split('\n');
    expect(title).toBe('# konform: inconclusive — OParl 1.1 core 1.0.0');
    expect(notice).toMatch(/^> \*\*Incomplete run\*\* \(`complete: false`\), interrupted by SIGINT\./);
    expect(summary).toContain('| Complete | **no** |');
    expect(summary).not.toContain('## Failed');
  });

  it('keeps hostile values from breaking tables or the layout', () => {
    const report = sampleReport();
    report.target.url = 'http://h/a|b`c\nd';
    report.requirements[1]!.text = 'x | y\n| z | `code` <script>\u001b[31m';
    report.results[1]!.findings[0]!.message = 'line one\n# heading\n| not a row |';
    const summary = renderSummary(report);
    expect(cells(tableRow(summary, '| Target |'))).toHaveLength(2);
    expect(tableRow(summary, '| Target |')).toContain('``http://h/a\\|b`c d``');
    const requirementRow = tableRow(summary, '| [OPARL-HTTP-2]');
    expect(cells(requirementRow)[5]).toBe('x \\| y \\| z \\| \\`code\\` \\<script\\>\uFFFD\\[31m');
    expect(summary).toContain('**: line one \\# heading \\| not a row \\|');
    expect(summary.split('\n').some((line) => line.startsWith('# heading') || line.startsWith('| not a row'))).toBe(false);
  });
});

describe('markdown escaping', () => {
  it('escapes inline punctuation and flattens line breaks', () => {
    expect(mdText('a*b*_c_ [x](y) <b> & !')).toBe('a\\*b\\*\\_c\\_ \\[x\\]\\(y\\) \\<b\\> \\& \\!');
    expect(mdText('one\r\ntwo\rthree\nfour')).toBe('one two three four');
    expect(mdText('plain words, 1.5 / 2')).toBe('plain words, 1.5 / 2');
  });

  it('fences code spans around backticks', () => {
    expect(mdCode('GET /pets')).toBe('`GET /pets`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('a|b')).toBe('`a|b`');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
    expect(mdCode('')).toBe('(empty)');
  });
});
