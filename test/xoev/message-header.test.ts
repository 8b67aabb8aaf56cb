/**
 * `xoev.message-header` on mutated copies of real XWasser (nachrichtenkopf.g2g) and xdomea
 * (Kopf) messages, and the creation-time rule on its own.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { CheckResult } from '../../src/model/report.js';
import { creationTimeProblem, earliestInstant } from '../../src/xml/xoev-header-time.js';

const MUTATED = 'fixtures/xoev/mutated';

async function headerResults(suite: string, names: string[]): Promise<Map<string, CheckResult>> {
  const files = names.map((name) => join(MUTATED, name));
  const report = await run({ suite: `fixtures/xoev/suites/${suite}`, profile: 'header', target: { files } });
  return new Map(report.results.map((result) => [result.subject?.id.replace(/^.*\//, '') ?? '', result]));
}

const rules = (result: CheckResult | undefined) => result?.findings.map((finding) => finding.rule).sort();

describe('nachrichtenkopf.g2g (XWasser)', () => {
  let results: Map<string, CheckResult>;
  beforeAll(async () => {
    results = await headerResults('xwasser-xoev', [
      'xwasser-quality-report-header-valid.xml',
      'xwasser-quality-report-header-broken.xml',
      'xwasser-quality-report-header-missing.xml',
    ]);
  });

  it('passes a complete header whose message type names the root element', () => {
    expect(results.get('xwasser-quality-report-header-valid.xml')).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails a bad UUID, a creation time in the future, an unidentified reader and a wrong message type', () => {
    const result = results.get('xwasser-quality-report-header-broken.xml');
    expect(result?.outcome).toBe('failed');
    expect(rules(result)).toEqual(['XOEV-HEADER-READER', 'XOEV-HEADER-TIME', 'XOEV-HEADER-TYPE', 'XOEV-HEADER-UUID']);
    const byRule = new Map(result?.findings.map((finding) => [finding.rule, finding]));
    expect(byRule.get('XOEV-HEADER-UUID')).toMatchObject({
      code: 'uuid-invalid',
      location: { line: 5, column: 7, xpath: '/xwas:vorgang.transportieren.2010[1]/nachrichtenkopf.g2g[1]/identifikation.nachricht[1]/nachrichtenUUID[1]' },
    });
    expect(byRule.get('XOEV-HEADER-READER')?.message).toBe('leser is not identified: kennung is missing or empty');
    expect(byRule.get('XOEV-HEADER-TYPE')?.message).toBe(
      'the message type code "0020" stands for administration.quittung.0020, but the root element is vorgang.transportieren.2010',
    );
  });

  it('fails a message without header', () => {
    const result = results.get('xwasser-quality-report-header-missing.xml');
    expect(result?.outcome).toBe('failed');
    expect(result?.findings).toEqual([expect.objectContaining({ rule: 'XOEV-HEADER-PRESENT', message: 'the root element has no nachrichtenkopf.g2g child' })]);
  });
});

describe('Kopf (xdomea)', () => {
  let results: Map<string, CheckResult>;
  beforeAll(async () => {
    results = await headerResults('xdomea-xoev', ['xdomea-0503-valid.xml', 'xdomea-0503-header-broken.xml']);
  });

  it('passes a header whose Nachrichtentyp (list and version fixed by the XSD) names the root element', () => {
    expect(results.get('xdomea-0503-valid.xml')).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails a sender without identification and a Nachrichtentyp of another message', () => {
    const result = results.get('xdomea-0503-header-broken.xml');
    expect(result?.outcome).toBe('failed');
    expect(rules(result)).toEqual(['XOEV-HEADER-AUTHOR', 'XOEV-HEADER-TYPE']);
    expect(result?.findings.find((finding) => finding.rule === 'XOEV-HEADER-TYPE')?.message).toBe(
      'the message type code "0502" stands for Aussonderung.Bewertungsverzeichnis, but the root element is Aussonderung.Aussonderung.0503',
    );
  });
});

describe('creation time (xs:dateTime, not in the future)', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('reads the earliest instant: a time without timezone counts as +14:00', () => {
    expect(earliestInstant('2026-01-01T12:00:00Z')).toBe(now.getTime());
    expect(earliestInstant('2026-01-02T02:00:00')).toBe(now.getTime());
    expect(earliestInstant('2026-01-01T13:30:00+01:30')).toBe(now.getTime());
    expect(earliestInstant('2025-12-31T24:00:00Z')).toBe(Date.UTC(2026, 0, 1));
  });

  it('rejects what is not an xs:dateTime', () => {
    for (const value of ['2026-02-30T00:00:00', '2026-01-01', '2026-01-01T12:60:00', '2026-01-01T12:00:00+15:00', '01.01.2026 12:00']) {
      expect(earliestInstant(value), value).toBeUndefined();
    }
  });

  it('allows the tolerance and no more', () => {
    expect(creationTimeProblem('2026-01-01T12:05:00Z', now, 300)).toBeUndefined();
    expect(creationTimeProblem('2026-01-01T12:05:01Z', now, 300)).toMatch(/is in the future/);
    expect(creationTimeProblem('2026-01-02T02:05:00', now, 300)).toBeUndefined();
  });
});
