import { describe, expect, it } from 'vitest';
import { summaryChunks } from '../../src/report/markdown.js';
import { mdCode, mdText } from '../../src/report/markdown-text.js';
import type { Report } from '../../src/model/report.js';
import type { Finding } from '../../src/model/types.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { withShouldAndMayFailures } from './level-failures-report.js';
import { withRepeatedDefect } from './repeated-defect-report.js';

const renderSummary = (report: Report, lang: 'de' | 'en' = 'en'): string => [...summaryChunks(report, { lang })].join('');

/** The cells of a GFM table row, splitting at pipes that are not escaped. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

function tableRow(summary: string, start: string): string {
  const row = summary.split('\n').find((line) => line.startsWith(start));
  if (!row) throw new Error(`no row starting with ${start}`);
  return row;
}

/** The text from the heading starting with `start` to the next heading of its level. */
function section(summary: string, start: string): string {
  const from = summary.indexOf(`\n## ${start}`);
  if (from < 0) throw new Error(`no section ${start}`);
  const next = summary.indexOf('\n## ', from + 1);
  return summary.slice(from, next < 0 ? undefined : next);
}

describe('summary.md', () => {
  it('starts with the verdict in one sentence and says what was tested, with versions and hashes', () => {
    const summary = renderSummary(sampleReport());
    const [title, , sentence] = summary.split('\n');
    expect(title).toBe('# konform: not conformant — OParl 1.1 core 1.0.0');
    expect(sentence).toBe('The subject does not conform to OParl 1.1: 2 MUST requirements are not met.');
    expect(summary).not.toContain('Incomplete run');
    expect(summary).toContain(`| Suite | \`oparl-core\` 1.0.0 — OParl 1.1 core, sha256 \`${'a'.repeat(64)}\` |`);
    expect(summary).toContain(`manifest sha256 \`${'b'.repeat(64)}\``);
    expect(summary).toContain('declared description `vendor/openapi.yaml` (Vendor OParl API 2.3 OpenAPI 3.1.0)');
    expect(summary).toContain('| Profile | `full` — Everything; classes `core`, `files` |');
    expect(summary).toContain('| Signature | not signed |');
  });

  it('counts requirements and checks per outcome', () => {
    const summary = renderSummary(sampleReport());
    expect(cells(tableRow(summary, '| failed |'))).toEqual(['failed', '2', '1']);
    expect(cells(tableRow(summary, '| untested |'))).toEqual(['untested', '2', '1']);
    expect(cells(tableRow(summary, '| total |'))).toEqual(['total', '7', '5']);
  });

  it('follows the order of report.html: failed MUST requirements, warnings, cantTell, then the requirements that did not pass', () => {
    const summary = renderSummary(withShouldAndMayFailures());
    const headings = summary.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Outcomes',
      '## Failed MUST requirements (2)',
      '## Warnings: SHOULD and MAY requirements not followed (2)',
      '## Could not tell (1)',
      '## Requirements failed or not told (3)',
    ]);
    expect(summary).toContain('Failed checks: 1 MUST (deciding the verdict), 1 SHOULD, 1 MAY.');
    const must = section(summary, 'Failed MUST');
    expect(must).toContain('### [OPARL-BODY-1](<https://oparl.org/spezifikation/online-ansicht/#oparl-body-1>) (MUST): Requirement OPARL-BODY-1 \\| with a pipe');
    // The one defect of a requirement is counted with the requirement; its examples do not repeat its message.
    expect(must).toContain('1 finding on 1 operation.\n\n- **Status 418 is not documented for GET /bodies** — check `status-documented` · finding `status-undocumented`');
    expect(must).toContain('  - `GET /bodies` · description at `/paths/~1bodies/get/responses` · HTTP exchange `x2`: `GET http://127.0.0.1:8080/oparl/v1/bodies → 418');
    expect(must).toContain('  - `GET /bodies` · description at `/components/schemas/Body/properties/id/type` · body at `/data/0/id`');
    expect(must).not.toContain('`naming`');
    expect(section(summary, 'Warnings')).toContain('check `naming`');
    expect(section(summary, 'Warnings')).toContain('check `hints`');
    expect(section(summary, 'Could not tell')).toContain('`GET http://127.0.0.1:8080/oparl/v1/meetings → timeout: no response within 10000 ms`');
    const table = section(summary, 'Requirements failed or not told');
    expect(table.split('\n').filter((line) => line.startsWith('| [OPARL-')).map((row) => cells(row)[2])).toEqual(['**failed**', '**failed**', 'cannot tell']);
    expect(table).toContain('The other requirements: 1 passed, 1 inapplicable, 2 untested.');
    expect(summary.trimEnd().split('\n').at(-1)).toBe('Every finding, with its place and HTTP exchange, is in report.html; report.json holds the complete run.');
  });

  it('shows the same defect on 300 objects once, with its count, two examples and how many more', () => {
    const summary = renderSummary(withRepeatedDefect(300));
    const bullet = summary.split('\n').findIndex((line) => line.startsWith('- **… at /data/…/name: oparl:Paper the property "name" is missing**'));
    const lines = summary.split('\n').slice(bullet, bullet + 4);
    expect(lines[0]).toContain('— 300 findings at 300 URLs · check `status-documented` · finding `schema-violation`');
    expect(lines.slice(1, 3).every((line) => line.startsWith('  - http://127.0.0.1:8080/oparl/v1/paper/'))).toBe(true);
    expect(lines[3]).toBe('  - … and 298 more');
  });

  it('stays short for a large run: its length does not grow with the findings, only their counts do', () => {
    const large = (objects: number) => {
      const report = withRepeatedDefect(objects);
      const rules = Array.from({ length: 60 }, (_, index) => `OPARL-R-${index}`);
      report.requirements.push(...rules.map((id) => ({ ...report.requirements[2]!, id })));
      const finding = (rule: string, index: number): Finding => ({ code: 'x', rule, severity: 'error', message: `defect of kind k${index % 10} at /data/${index}` });
      const findings = report.results[1]!.findings;
      for (const rule of rules) for (let index = 0; index < objects; index += 1) findings.push(finding(rule, index));
      return renderSummary(report).split('\n');
    };
    const lines = large(20_000);
    // 62 failed requirements with 10 defects each: 15 requirements shown with 3 defects of 2 examples.
    expect(lines.length).toBe(large(300).length);
    expect(lines.length).toBeLessThan(400);
    expect(lines).toContain('- … and 7 other defects with 14,000 findings, in report.html');
    expect(lines).toContain('… and 47 other requirements, in report.html.');
  });

  it('puts an interrupted run in the title area', () => {
    const summary = renderSummary(incompleteReport());
    const [title, , sentence, , notice] = summary.split('\n');
    expect(title).toBe('# konform: inconclusive — OParl 1.1 core 1.0.0');
    expect(sentence).toBe('Whether the subject conforms to OParl 1.1 could not be decided: the run was interrupted (SIGINT) before every check had run.');
    expect(notice).toMatch(/^> Incomplete run, interrupted by SIGINT\./);
    expect(summary).toContain('| Complete | **no** |');
    expect(summary).toContain('## Failed MUST requirements (0)\n\nNo MUST requirement failed.');
  });

  it('is German by default', () => {
    const summary = [...summaryChunks(sampleReport())].join('');
    expect(summary.split('\n')[0]).toBe('# konform: nicht konform — OParl 1.1 core 1.0.0');
    expect(summary).toContain('## Nicht erfüllte MUSS-Anforderungen (2)');
  });

  it('keeps hostile values from breaking tables or the layout', () => {
    const report = sampleReport();
    report.target.url = 'http://h/a|b`c\nd';
    report.requirements[1]!.text = 'x | y\n| z | `code` <script>\u001b[31m';
    report.results[1]!.findings[0]!.message = 'line one\n# heading\n| not a row |';
    const summary = renderSummary(report);
    expect(cells(tableRow(summary, '| Subject |'))[1]).toContain('``http://h/a\\|b`c d``');
    const requirementRow = tableRow(summary, '| [OPARL-HTTP-2]');
    expect(cells(requirementRow)[4]).toBe('x \\| y \\| z \\| \\`code\\` \\<script\\>\uFFFD\\[31m');
    expect(summary).toContain('- **line one \\# heading \\| not a row \\|**');
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
