/**
 * The xrechnung-3.0 suite end to end: every instance of the official XRechnung test suite is
 * accepted, in one run; the instances of KoSIT's validator configuration are accepted or
 * rejected as KoSIT's tests expect; findings say file, line, column, XPath, rule and severity;
 * each rule's requirement is decided by its own findings; and without Java the Schematron
 * checks cannot tell, never pass.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { KOSIT_VALIDATOR_INSTANCES as KOSIT, XRECHNUNG_TESTSUITE as TESTSUITE } from '../../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';

/** The token KoSIT's build replaces in its test instances before validating them. */
const SPEC_ID_TOKEN = /@xrechnung\.spec\.id@/g;
const SPEC_ID = 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0';
/**
 * KoSIT's assertions.xml says ubl003 is accepted, yet asserts in the same breath that its CEN
 * step has an error-level message: the seller's country code (BR-09, flag="fatal", no
 * customLevel) is commented out. An error-level message means rejection in KoSIT's report,
 * and konform rejects the file.
 */
const KOSIT_EXCEPTIONS: Record<string, string> = { 'ubl003.xml': 'BR-09' };

/** KoSIT's test suite invoice 01.02a (UBL) converted to UTF-16 (fixtures/xml-encodings/README.md). */
const ENCODINGS = join(PACKAGE_ROOT, 'fixtures', 'xml-encodings');

const rejected = (report: Report, file: string) => report.results.some((result) => result.subject?.id === file && result.outcome === 'failed');

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-xrechnung-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('xrechnung-3.0', () => {
  it('accepts every instance of the official XRechnung test suite', async () => {
    const files = (await readdir(TESTSUITE, { recursive: true })).filter((entry) => entry.endsWith('.xml')).map((entry) => join(TESTSUITE, entry));
    expect(files.length).toBeGreaterThanOrEqual(52);
    const report = await run({ suite: 'xrechnung-3.0', target: { files } });
    expect(files.filter((file) => rejected(report, file))).toEqual([]);
    expect(report.verdict).toBe('conformant');
    expect(report.requirements.filter((requirement) => ['failed', 'cantTell'].includes(requirement.outcome))).toEqual([]);
    for (const file of files) {
      const outcomes = report.results.filter((result) => result.subject?.id === file).map((result) => `${result.check}:${result.outcome}`);
      expect(outcomes, file).toContain('scenario:passed');
      expect(outcomes.filter((outcome) => /^(cen|xrechnung)-.*:passed$/.test(outcome)), file).toHaveLength(2);
    }
  });

  describe("KoSIT's validator configuration instances", () => {
    let report: Report;
    let expected: Array<{ file: string; accept: boolean }>;
    beforeAll(async () => {
      const derived = JSON.parse(await readFile(join(KOSIT, 'expected-results.derived.json'), 'utf8')) as {
        files: Array<{ file: string; kosit_assertions_summary: { accept?: boolean } | null }>;
      };
      expected = await Promise.all(
        derived.files
          .filter((entry) => typeof entry.kosit_assertions_summary?.accept === 'boolean')
          .map(async (entry) => {
            const file = join(scratch, basename(entry.file));
            await writeFile(file, (await readFile(join(KOSIT, entry.file))).toString('latin1').replace(SPEC_ID_TOKEN, SPEC_ID), 'latin1');
            return { file, accept: entry.kosit_assertions_summary?.accept as boolean };
          }),
      );
      report = await run({ suite: 'xrechnung-3.0', target: { files: expected.map(({ file }) => file) } });
    });

    it('are accepted or rejected as KoSIT expects', () => {
      expect(expected.length).toBeGreaterThanOrEqual(7);
      for (const { file, accept } of expected) {
        const exception = KOSIT_EXCEPTIONS[basename(file)];
        const findings = report.results.filter((result) => result.subject?.id === file).flatMap((result) => result.findings);
        if (exception) expect(findings.some((finding) => finding.rule === exception && finding.severity === 'error'), file).toBe(true);
        else expect(rejected(report, file), file).toBe(!accept);
      }
      expect(report.verdict).toBe('notConformant');
    });

    it('reject a file that is not XML for matching no scenario', () => {
      const file = join(scratch, 'bin001.xml');
      const scenario = report.results.find((result) => result.check === 'scenario' && result.subject?.id === file);
      expect(scenario).toMatchObject({ outcome: 'failed', findings: [{ code: 'no-scenario', severity: 'error' }] });
      const schematron = report.results.filter((result) => result.kind === 'xml.schematron' && result.subject?.id === file);
      expect(schematron.map((result) => result.outcome)).toEqual(['cantTell', 'cantTell', 'cantTell', 'cantTell']);
    });

    it('give findings with file, line, column, XPath, rule and severity', () => {
      const file = join(scratch, 'ubl008.xml');
      const cen = report.results.find((result) => result.check === 'cen-ubl' && result.subject?.id === file);
      expect(cen?.outcome).toBe('failed');
      expect(cen?.findings).toContainEqual(
        expect.objectContaining({
          code: 'assert-failed',
          rule: 'BR-CL-01',
          severity: 'error',
          message: expect.stringMatching(/^\[BR-CL-01\]-The document type code MUST be coded/),
          location: { file, line: 14, column: 3, xpath: '/CreditNote[1]/cbc:CreditNoteTypeCode[1]' },
        }),
      );
    });

    it("decide each rule's requirement by the findings of that rule", () => {
      const outcome = (id: string) => report.requirements.find((requirement) => requirement.id === id)?.outcome;
      expect(outcome('BR-CL-01')).toBe('failed');
      expect(outcome('BR-DE-15')).toBe('failed');
      // The check xrechnung-ubl failed on ubl008 (BR-DE-15), not BR-DE-1; BR-DE-1 could not be
      // evaluated on the two files that are not well-formed.
      expect(outcome('BR-DE-1')).toBe('cantTell');
    });
  });

  it('rejects an invoice of another specification (a Peppol BIS invoice) for matching no scenario', async () => {
    const source = join(TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml');
    const file = join(scratch, 'peppol.xml');
    await writeFile(file, (await readFile(source, 'utf8')).replace(SPEC_ID, 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'));
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [file] } });
    const outcome = (check: string) => report.results.find((result) => result.check === check)?.outcome;
    expect(report.results.find((result) => result.check === 'scenario')?.findings).toEqual([
      expect.objectContaining({ code: 'no-scenario', severity: 'error', message: expect.stringMatching(/^the file matches none of the scenarios \(EN16931 XRechnung \(UBL Invoice\);/) }),
    ]);
    expect([outcome('scenario'), outcome('xsd-ubl-invoice'), outcome('cen-ubl'), outcome('xrechnung-ubl')]).toEqual(['failed', 'passed', 'inapplicable', 'inapplicable']);
    expect(report.verdict).toBe('notConformant');
  });

  describe('invoices encoded in UTF-16 (XML 1.0 §4.3.3, Appendix F)', () => {
    const outcomes = (report: Report) => report.results.map((result) => `${result.check}:${result.outcome}`);

    it('validates an invoice in UTF-16 with a byte order mark, either byte order, like its UTF-8 original', async () => {
      const original = await run({ suite: 'xrechnung-3.0', target: { files: [join(TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml')] } });
      expect(original.verdict).toBe('conformant');
      for (const name of ['01.02a-INVOICE_ubl.utf16le.xml', '01.02a-INVOICE_ubl.utf16be.xml']) {
        const report = await run({ suite: 'xrechnung-3.0', target: { files: [join(ENCODINGS, name)] } });
        expect(outcomes(report), name).toEqual(outcomes(original));
        expect(report, name).toMatchObject({ verdict: 'conformant', exitCode: 0 });
      }
    });

    it('rejects a schema-invalid invoice in UTF-16', async () => {
      const report = await run({ suite: 'xrechnung-3.0', target: { files: [join(ENCODINGS, '01.02a-INVOICE_ubl.id-after-issue-date.utf16le.xml')] } });
      const xsd = report.results.find((result) => result.check === 'xsd-ubl-invoice');
      expect(xsd?.outcome).toBe('failed');
      expect(xsd?.findings[0]?.message).toMatch(/IssueDate/);
      expect(report).toMatchObject({ verdict: 'notConformant', exitCode: 1 });
    });

    it('points the Schematron findings of a UTF-16 invoice at line and column', async () => {
      const file = join(scratch, 'type-code-999.utf16le.xml');
      const text = (await readFile(join(ENCODINGS, '01.02a-INVOICE_ubl.utf16le.xml'))).toString('utf16le').replace('<cbc:InvoiceTypeCode>380', '<cbc:InvoiceTypeCode>999');
      await writeFile(file, Buffer.from(text, 'utf16le'));
      const report = await run({ suite: 'xrechnung-3.0', target: { files: [file] } });
      const cen = report.results.find((result) => result.check === 'cen-ubl');
      expect(cen?.findings).toContainEqual(expect.objectContaining({ rule: 'BR-CL-01', location: { file, line: 9, column: 5, xpath: '/ubl:Invoice[1]/cbc:InvoiceTypeCode[1]' } }));
    });

    it('never accepts a file whose root element konform cannot determine', async () => {
      // UCS-4 (XML 1.0 Appendix F: 00 00 FE FF), an encoding konform does not read.
      const file = join(scratch, 'ucs4.xml');
      const text = (await readFile(join(TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml'), 'utf8')).replace('UTF-8', 'UCS-4');
      const ucs4 = Buffer.alloc(4 * (text.length + 1));
      ucs4.writeUInt32BE(0xfeff, 0);
      [...text].forEach((char, index) => ucs4.writeUInt32BE(char.codePointAt(0) as number, 4 * (index + 1)));
      await writeFile(file, ucs4);
      const report = await run({ suite: 'xrechnung-3.0', target: { files: [file] } });
      // libxml2 does not read UCS-4 either: the file is not well-formed for konform, and no check passes it over.
      const xsd = report.results.filter((result) => result.kind === 'xml.xsd');
      expect(xsd.map((result) => result.outcome)).toEqual(['failed', 'failed', 'failed']);
      expect(xsd[0]?.findings[0]).toMatchObject({ code: 'not-well-formed', severity: 'error', location: { file } });
      expect(report.verdict).toBe('notConformant');
    });
  });

  it('cannot tell any check of a file it cannot read, not even whether the check is for it', async () => {
    const unreadable = join(scratch, 'a-folder.xml');
    await mkdir(unreadable);
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [unreadable] } });
    expect(report.results.length).toBeGreaterThan(0);
    for (const result of report.results) {
      expect(result.outcome, result.check).toBe('cantTell');
      expect(result.findings[0]?.message).toContain('EISDIR');
    }
    expect(report.verdict).toBe('inconclusive');
  });

  it('cannot tell, and never passes, the Schematron checks without Java', async () => {
    const files = [join(TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml'), join(TESTSUITE, 'business-cases', 'standard', '01.02a-INVOICE_uncefact.xml')];
    const saved = process.env.KONFORM_JAVA;
    process.env.KONFORM_JAVA = '/nonexistent/java';
    try {
      const report = await run({ suite: 'xrechnung-3.0', target: { files } });
      const applicable = report.results.filter((result) => result.kind === 'xml.schematron' && result.outcome !== 'inapplicable');
      expect(applicable).toHaveLength(4);
      for (const result of applicable) {
        expect(result.outcome).toBe('cantTell');
        expect(result.findings[0]).toMatchObject({ code: 'engine-unavailable', message: expect.stringContaining('apt-get install default-jre-headless libsaxonhe-java') });
      }
      expect(report.verdict).toBe('inconclusive');
    } finally {
      if (saved === undefined) delete process.env.KONFORM_JAVA;
      else process.env.KONFORM_JAVA = saved;
    }
  });
});
