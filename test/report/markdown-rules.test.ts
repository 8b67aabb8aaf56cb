import { describe, expect, it } from 'vitest';
import { rulesSection } from '../../src/report/markdown-rules.js';
import type { Report } from '../../src/model/report.js';
import { sampleReport } from '../helpers/sample-report.js';

function withRuleFindings(): Report {
  const report = sampleReport();
  const [first] = report.results;
  if (!first) throw new Error('sample report has results');
  first.subject = { id: 'invoices/a.xml', title: 'invoices/a.xml' };
  first.findings = [
    { code: 'failed-assert', message: '[BR-DE-15] Buyer reference must be given', rule: 'BR-DE-15', severity: 'error', location: { file: 'invoices/a.xml', line: 12, column: 3, xpath: '/Invoice[1]' } },
    { code: 'failed-assert', message: '[BR-DE-15] Buyer reference must be given', rule: 'BR-DE-15', severity: 'error', location: { line: 40 } },
    { code: 'failed-assert', message: '[BR-DE-21] Specification identifier', rule: 'BR-DE-21', severity: 'warning' },
  ];
  return report;
}

describe('rulesSection', () => {
  it('groups rule findings by rule, most severe first, with each place', () => {
    const section = [...rulesSection(withRuleFindings())].join('');
    expect(section).toContain('## Findings by rule');
    expect(section).toMatch(/\| `BR-DE-15` \| error \| 2 \|/);
    expect(section.indexOf('BR-DE-15')).toBeLessThan(section.indexOf('BR-DE-21'));
    expect(section).toContain('`invoices/a.xml:12:3 /Invoice[1]`');
    expect(section).toContain('`invoices/a.xml:40`');
  });

  it('is empty when no finding names a rule', () => {
    const report = sampleReport();
    for (const result of report.results) result.findings = result.findings.map(({ rule: _rule, ...finding }) => finding);
    expect([...rulesSection(report)]).toEqual([]);
  });
});
