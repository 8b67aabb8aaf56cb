/** SVRL assertions as findings: every assertion kept, up to a bound for memory that says how many were seen. */
import { describe, expect, it } from 'vitest';
import { FINDINGS_PER_RESULT } from '../../src/core/finding-limit.js';
import type { SvrlAssertion } from '../../src/xml/schematron/engine.js';
import { schematronFindings } from '../../src/xml/schematron/findings.js';

const assertion = (id: string, flag: string, line: number): SvrlAssertion => ({
  kind: 'failed-assert', id, flag, location: `/Invoice[1]/Line[${line}]`, test: 'false()', text: `[${id}] broken`, diagnostics: [],
});
const at = (location: string) => ({ line: Number(/\[(\d+)\]$/.exec(location)?.[1]) });

describe('schematronFindings', () => {
  it('keeps every finding of a file, fatal first', () => {
    const assertions = Array.from({ length: 150 }, (_, index) => assertion(index % 2 ? 'BR-DE-15' : 'PEPPOL-W', index % 2 ? 'fatal' : 'warning', index));
    const findings = schematronFindings('a.xml', assertions, {}, at);
    expect(findings).toHaveLength(150);
    expect(findings.filter((finding) => finding.rule === 'BR-DE-15')).toHaveLength(75);
    expect(findings[0]).toMatchObject({ rule: 'BR-DE-15', severity: 'error', location: { file: 'a.xml', line: 1 } });
    expect(findings.some((finding) => finding.code === 'more-findings')).toBe(false);
  });

  it('beyond the bound for memory keeps the first finding of every rule and adds an undecided one that says how many were seen', () => {
    const seen = FINDINGS_PER_RESULT + 10;
    const assertions = Array.from({ length: seen }, (_, index) => assertion(index === seen - 1 ? 'BR-LAST' : 'BR-DE-15', 'warning', index));
    const findings = schematronFindings('a.xml', assertions, {}, at);
    expect(findings).toHaveLength(FINDINGS_PER_RESULT + 1);
    expect(findings.some((finding) => finding.rule === 'BR-LAST')).toBe(true);
    expect(findings.at(-1)).toMatchObject({
      code: 'findings-over-limit', undecided: true, params: { seen, kept: FINDINGS_PER_RESULT, limit: FINDINGS_PER_RESULT }, location: { file: 'a.xml' },
    });
  });
});
