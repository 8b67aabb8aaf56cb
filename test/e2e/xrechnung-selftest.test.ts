/**
 * `konform suite selftest xrechnung-3.0`: the 706 KoSIT xml-mutate declarations of the
 * XRechnung samples (suites/xrechnung-3.0/selftest/README.md), each mutation applied and every
 * mutated document validated in one run of the suite. Every declaration holds, except the
 * exceptions listed here with their reasons.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { selftestSuite, type DeclarationResult, type SelftestReport } from '../../src/run/selftest.js';
import { COMMENTED_OUT } from '../../src/xml/xmute/expand.js';

const CEN_TARGET_STATE = [
  'validator-configuration/unexpected/cii-br-03-wrong-date-format.xml:17',
  'validator-configuration/unexpected/cii-br-co-23-reason-codes.xml:58',
  'validator-configuration/unexpected/cii-br-co-23-reason-codes.xml:62',
  'validator-configuration/unexpected/cii-sr-030-wrong-cardinality-bt-22.xml:29',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:24',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:32',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:64',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:72',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:95',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:103',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:120',
  'validator-configuration/unexpected/ubl-br-cl-14-15-and-br-co-09-country-codes-kosovo.xml:178',
];

/** Exceptions named one by one: the reason each is reported with, and where. */
const LISTED: Array<{ reason: string; declarations: string[] }> = [
  {
    reason: COMMENTED_OUT,
    declarations: [
      'xrechnung-schematron/cii/cii-br-de-19-iban-tests.xml:145',
      'xrechnung-schematron/ubl-cn/ubl-cn-br-de-16-test-bt-151.xml:184',
      'xrechnung-schematron/ubl-inv/ubl-inv-br-de-19-iban-tests.xml:77',
    ],
  },
  {
    // The code mutation writes another specification identifier into cbc:CustomizationID: like
    // KoSIT's validator, the suite then finds no scenario and applies no Schematron, while
    // xml-mutate runs the XRechnung Schematron regardless and sees BR-DE-21 fire.
    reason: 'the suite applies none of its rule-set checks to the mutated document: the file matches no scenario',
    declarations: [
      'xrechnung-schematron/ubl-inv/ubl-inv-br-dex-01-extension_mime_code_test.xml:5',
      'xrechnung-schematron/ubl-inv/ubl-inv-br-dex-01-extension_mime_code_test.xml:7',
    ],
  },
];

const where = (declaration: DeclarationResult) => `${declaration.sample}:${declaration.line}`;
const namesPeppolRule = (declaration: DeclarationResult) => /\bPEPPOL-EN16931-R\d+/.test(declaration.declaration);

describe('self-test of xrechnung-3.0', () => {
  let report: SelftestReport;
  beforeAll(async () => {
    report = await selftestSuite('xrechnung-3.0');
  }, 600_000);

  it('runs all 706 declarations of the 229 samples, 984 distinct documents in one run', () => {
    expect(report.declarations).toHaveLength(706);
    expect(report.samples).toBe(229);
    expect(report.documents).toBe(984);
    const mutators: Record<string, number> = {};
    for (const declaration of report.declarations) mutators[declaration.mutator ?? '?'] = (mutators[declaration.mutator ?? '?'] ?? 0) + 1;
    expect(mutators).toEqual({ identity: 308, code: 222, remove: 150, empty: 24, whitespace: 2 });
  });

  it('holds every declaration but the listed exceptions; none failed or stayed undecided', () => {
    expect(report.declarations.filter((declaration) => declaration.outcome === 'failed' || declaration.outcome === 'cantTell')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ passed: 689, failed: 0, cantTell: 0, exception: 17 });
  });

  it('lists each exception with its reason', () => {
    const exceptions = report.declarations.filter((declaration) => declaration.outcome === 'exception');
    for (const { reason, declarations } of LISTED) {
      expect(exceptions.filter((declaration) => declaration.reasons[0] === reason).map(where)).toEqual(declarations);
    }
    const cen = exceptions.filter((declaration) => declaration.expectedToFail?.startsWith('KoSIT states the target behaviour of the CEN rules'));
    expect(cen.map(where)).toEqual(CEN_TARGET_STATE);
    expect(exceptions).toHaveLength(LISTED.flatMap((group) => group.declarations).length + cen.length);
  });

  it('holds every declaration about the Peppol BIS rules of the XRechnung release', () => {
    const peppol = report.declarations.filter(namesPeppolRule);
    expect(peppol).toHaveLength(308);
    expect(peppol.filter((declaration) => declaration.outcome !== 'passed').map(where)).toEqual([]);
    // 132 of them expect a Peppol rule to fire on the mutated document.
    expect(peppol.filter((declaration) => /schematron-invalid="[^"]*PEPPOL-EN16931-R/.test(declaration.declaration))).toHaveLength(132);
  });

  it('reproduces the current CEN behaviour KoSIT documents for its "unexpected" declarations', () => {
    for (const declaration of report.declarations.filter((candidate) => CEN_TARGET_STATE.includes(where(candidate)))) {
      expect(declaration.reasons[1], where(declaration)).toMatch(/^cen(ubl|cii):[\w-]+ was expected (not )?to fire/);
    }
  });
});
