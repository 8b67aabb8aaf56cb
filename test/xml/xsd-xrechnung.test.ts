/**
 * `xml.xsd` end to end on XRechnung: every official test-suite instance is valid against
 * UBL 2.1 or CII D16B, chosen by its root element; broken copies fail at the right line.
 * The schemas are the ones pinned in standards/xrechnung/3.0/xsd.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { CheckResult } from '../../src/model/report.js';
import { KOSIT_VALIDATOR_INSTANCES, XRECHNUNG_TESTSUITE as TESTSUITE } from '../../fixtures/xrechnung/instances.js';
import { scratchSuite, STANDARDS, type ScratchSuite } from './xsd-support.js';

const UBL_INVOICE = '{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice';
const UBL_CREDIT_NOTE = '{urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2}CreditNote';
const CII = '{urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100}CrossIndustryInvoice';

let suite: ScratchSuite;
let scratch: string;

beforeAll(async () => {
  suite = await scratchSuite(join(STANDARDS, 'xrechnung', '3.0', 'xsd'), [
    { id: 'ubl-invoice', schema: 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd', match: [UBL_INVOICE] },
    { id: 'ubl-credit-note', schema: 'xsd/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd', match: [UBL_CREDIT_NOTE] },
    { id: 'cii', schema: 'xsd/cii-d16b/CrossIndustryInvoice_100pD16B.xsd', match: [CII] },
  ]);
  scratch = await mkdtemp(join(tmpdir(), 'konform-xsd-'));
});
afterAll(async () => {
  await suite.remove();
  await rm(scratch, { recursive: true, force: true });
});

function resultsFor(results: CheckResult[], file: string): CheckResult[] {
  return results.filter((result) => result.subject?.id === file);
}

async function copyWith(source: string, name: string, change: (lines: string[]) => void): Promise<string> {
  const lines = (await readFile(source, 'utf8')).split('\n');
  change(lines);
  const file = join(scratch, name);
  await writeFile(file, lines.join('\n'));
  return file;
}

describe('xml.xsd on XRechnung', () => {
  it('accepts every official test-suite instance against the schema its root selects', async () => {
    const entries = await readdir(TESTSUITE, { recursive: true });
    const files = entries.filter((entry) => entry.endsWith('.xml')).map((entry) => join(TESTSUITE, entry));
    expect(files.length).toBeGreaterThanOrEqual(52);
    const report = await run({ suite: suite.suite, target: { files } });
    for (const file of files) {
      const results = resultsFor(report.results, file);
      const outcomes = results.map((result) => result.outcome);
      expect(outcomes.filter((outcome) => outcome === 'passed'), file).toHaveLength(2);
      expect(outcomes.filter((outcome) => outcome === 'inapplicable'), file).toHaveLength(2);
      expect(results.flatMap((result) => result.findings.filter((finding) => finding.severity === 'error')), file).toEqual([]);
    }
  });

  it('reports a wrong date in a UBL invoice at its line, with the XPath and prefixed names', async () => {
    const source = join(TESTSUITE, 'technical-cases', 'cius', '01.01_comprehensive_test_ubl.xml');
    const file = await copyWith(source, 'wrong-date.xml', (lines) => {
      lines[5] = '  <cbc:IssueDate>13.04.2018</cbc:IssueDate>';
    });
    const report = await run({ suite: suite.suite, target: { files: [file] } });
    const invoice = report.results.find((result) => result.check === 'ubl-invoice');
    expect(invoice?.outcome).toBe('failed');
    expect(invoice?.findings[0]).toMatchObject({
      code: 'xsd-invalid',
      severity: 'error',
      location: { file, line: 6, xpath: '/*/cbc:IssueDate' },
    });
    expect(invoice?.findings[0]?.message).toMatch(/^Element 'cbc:IssueDate': '13\.04\.2018' is not a valid value of the atomic type 'xs:date'/);
  });

  it('reports an element out of order in a CII invoice at its line', async () => {
    const source = join(TESTSUITE, 'technical-cases', 'cius', '01.01_comprehensive_test_uncefact.xml');
    const file = await copyWith(source, 'out-of-order.xml', (lines) => {
      const at = lines.findIndex((line) => line.includes('<rsm:ExchangedDocument>'));
      lines.splice(at, 0, '    <rsm:Unknown/>');
    });
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((text) => text.includes('<rsm:Unknown/>')) + 1;
    const report = await run({ suite: suite.suite, target: { files: [file] } });
    const cii = report.results.find((result) => result.check === 'cii');
    expect(cii?.outcome).toBe('failed');
    expect(cii?.findings).toEqual([
      expect.objectContaining({ code: 'xsd-invalid', severity: 'error', location: expect.objectContaining({ line }) }),
    ]);
    expect(cii?.findings[0]?.message).toMatch(/^Element 'rsm:Unknown': This element is not expected\. Expected is \( rsm:ExchangedDocument \)/);
  });

  it('fails a truncated invoice with its parse error, and a BMP image, which has no root, by every XSD check', async () => {
    const truncated = join(KOSIT_VALIDATOR_INSTANCES, 'instances', 'ubl007.xml');
    const image = join(KOSIT_VALIDATOR_INSTANCES, 'instances', 'bin001.xml');
    const report = await run({ suite: suite.suite, target: { files: [truncated, image] } });
    const invoice = resultsFor(report.results, truncated).find((result) => result.check === 'ubl-invoice');
    expect(invoice).toMatchObject({ outcome: 'failed', findings: [expect.objectContaining({ code: 'not-well-formed', severity: 'error' })] });
    const imageResults = resultsFor(report.results, image);
    expect(imageResults.find((result) => result.check === 'well-formed')?.outcome).toBe('failed');
    const imageXsd = imageResults.filter((result) => result.kind === 'xml.xsd');
    expect(imageXsd.map((result) => result.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(imageXsd[0]?.findings).toEqual([expect.objectContaining({ code: 'not-well-formed', severity: 'error' })]);
    expect(report.verdict).not.toBe('passed');
  });
});
