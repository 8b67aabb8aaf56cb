/**
 * The XÖV suites over the sample messages (fixtures/xoev, see its README): what konform
 * finds in each real message is recorded here as the expectation. The stale XWasser monitoring
 * plan fails the XSD with exactly the three defects of the shared MANIFEST.md (section D).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

const filesIn = (dir: string) => readdirSync(join('fixtures/xoev', dir)).map((name) => join('fixtures/xoev', dir, name));

/** Outcome per file and check. */
function outcomes(report: Report): Record<string, Record<string, string>> {
  const table: Record<string, Record<string, string>> = {};
  for (const result of report.results) (table[result.subject?.id.replace(/^.*\//, '') ?? ''] ??= {})[result.check] = result.outcome;
  return table;
}

/** How many findings of each rule a check reported for a file. */
function ruleCounts(report: Report, check: string, file: string): Record<string, number> {
  const result = report.results.find((candidate) => candidate.check === check && candidate.subject?.id.endsWith(`/${file}`));
  const counts: Record<string, number> = {};
  // What the findings say the file breaks; rules left unexamined behind a defect are not counted.
  for (const finding of (result?.findings ?? []).filter(({ code }) => code !== 'not-examined')) {
    counts[finding.rule ?? finding.code] = (counts[finding.rule ?? finding.code] ?? 0) + 1;
  }
  return counts;
}

describe('xwasser-1.0 over the XWasser sample messages', () => {
  let report: Report;
  beforeAll(async () => {
    report = await run({ suite: 'xwasser-1.0', target: { files: filesIn('xwasser') } });
  });

  it('records the outcome of every check for every sample', () => {
    expect(outcomes(report)).toEqual({
      'administration_receipt.xml': { 'well-formed': 'passed', xsd: 'passed', codelists: 'failed', 'message-header': 'failed' },
      'monitoring_plan_minimal.xml': { 'well-formed': 'passed', xsd: 'failed', codelists: 'failed', 'message-header': 'failed' },
      'quality_report_minimal.xml': { 'well-formed': 'passed', xsd: 'passed', codelists: 'failed', 'message-header': 'failed' },
    });
    expect(report).toMatchObject({ verdict: 'notConformant', exitCode: 1 });
  });

  it('fails the monitoring plan against the XSD with exactly the three known defects', () => {
    const xsd = report.results.find((result) => result.check === 'xsd' && result.subject?.id.endsWith('monitoring_plan_minimal.xml'));
    expect(xsd?.findings.map((finding) => [finding.location?.line, finding.message])).toEqual([
      [74, expect.stringMatching(/probennahmestelleKategorie.*not expected/)],
      [101, expect.stringMatching(/artAnlage.*listVersionID.*'1'.*fixed value.*'2'/)],
      [119, expect.stringMatching(/kategorieProbennahmestelle.*listVersionID.*'2'.*fixed value.*'3'/)],
    ]);
  });

  it('finds the same stale list versions in the monitoring plan, and the samples’ other code defects', () => {
    expect(ruleCounts(report, 'codelists', 'monitoring_plan_minimal.xml')).toEqual({ 'XOEV-CODE-VERSION-NAMED': 3, 'XOEV-CODE-VERSION-KNOWN': 8 });
    const stale = report.results
      .find((result) => result.check === 'codelists' && result.subject?.id.endsWith('monitoring_plan_minimal.xml'))
      ?.findings.filter((finding) => finding.code !== 'not-examined' && (finding.location?.line === 101 || finding.location?.line === 119))
      .map((finding) => finding.params);
    expect(stale).toEqual([
      expect.objectContaining({ listURI: 'urn:xoev-de:xwasser:codeliste:art-trinkwasseranlage', listVersionID: '1', fixed: '2' }),
      expect.objectContaining({ listURI: 'urn:xoev-de:xwasser:codeliste:kategorie-probennahmestelle', listVersionID: '2', fixed: '3' }),
    ]);
    expect(ruleCounts(report, 'codelists', 'administration_receipt.xml')).toEqual({ 'XOEV-CODE-VERSION-NAMED': 2, 'XOEV-CODE-VALUE': 1 });
    expect(ruleCounts(report, 'codelists', 'quality_report_minimal.xml')).toEqual({
      'XOEV-CODE-LIST-NAMED': 1,
      'XOEV-CODE-VERSION-NAMED': 7,
      'XOEV-CODE-VERSION-KNOWN': 6,
      'XOEV-CODE-VALUE': 2,
    });
  });

  it('finds the empty verzeichnisdienst codes and the message types that name other messages', () => {
    expect(ruleCounts(report, 'message-header', 'administration_receipt.xml')).toEqual({ 'XOEV-HEADER-AUTHOR': 1, 'XOEV-HEADER-READER': 1, 'XOEV-HEADER-TYPE': 1 });
    expect(ruleCounts(report, 'message-header', 'monitoring_plan_minimal.xml')).toEqual({ 'XOEV-HEADER-AUTHOR': 1, 'XOEV-HEADER-READER': 1, 'XOEV-HEADER-TYPE': 1 });
    expect(ruleCounts(report, 'message-header', 'quality_report_minimal.xml')).toEqual({ 'XOEV-HEADER-AUTHOR': 1, 'XOEV-HEADER-READER': 1 });
  });
});

describe('xdomea-3.0 over the xdomea sample messages', () => {
  let report: Report;
  beforeAll(async () => {
    report = await run({ suite: 'xdomea-3.0', target: { files: filesIn('xdomea') } });
  });

  it('records the outcome of every check for every sample', () => {
    const expected = { 'well-formed': 'passed', xsd: 'passed', codelists: 'failed', 'message-header': 'passed' };
    expect(outcomes(report)).toEqual({ 'xx_Aussonderung.Anbieteverzeichnis.0501.xml': expected, 'xx_Aussonderung.Aussonderung.0503.xml': expected });
  });

  it('finds the placeholder codes: empty listURI/listVersionID and channel code 002', () => {
    for (const file of ['xx_Aussonderung.Anbieteverzeichnis.0501.xml', 'xx_Aussonderung.Aussonderung.0503.xml']) {
      expect(ruleCounts(report, 'codelists', file)).toEqual({ 'XOEV-CODE-LIST-NAMED': 6, 'XOEV-CODE-VERSION-NAMED': 2, 'XOEV-CODE-VALUE': 2 });
    }
  });
});

describe('xbau-2.6 over an XBau message written for konform', () => {
  let report: Report;
  beforeAll(async () => {
    report = await run({ suite: 'xbau-2.6', target: { files: [...filesIn('xbau'), 'fixtures/xoev/mutated/xbau-0100-rules-broken.xml'] } });
  });

  it('passes XML, XSD, header and business rules; the DVDV directory list is not pinned, so code lists cannot tell', () => {
    expect(outcomes(report)).toEqual({
      'prozessnachrichten.aenderungProjektraumdaten.0100.xml': {
        'well-formed': 'passed',
        xsd: 'passed',
        codelists: 'cantTell',
        'message-header': 'passed',
        schematron: 'passed',
        'no-empty-elements': 'passed',
      },
      'xbau-0100-rules-broken.xml': {
        'well-formed': 'passed',
        xsd: 'passed',
        codelists: 'cantTell',
        'message-header': 'passed',
        schematron: 'failed',
        'no-empty-elements': 'failed',
      },
    });
  });

  it('decides each Schematron requirement by its own rule', () => {
    const requirement = (id: string) => report.requirements.find((candidate) => candidate.id === id)?.outcome;
    expect(requirement('sch-xbau-001')).toBe('failed');
    expect(requirement('sch-xbau-gen-001')).toBe('failed');
    expect(requirement('sch-xbau-002')).toBe('passed');
    expect(requirement('XOEV-CODE-KNOWN-LIST')).toBe('cantTell');
  });
});
