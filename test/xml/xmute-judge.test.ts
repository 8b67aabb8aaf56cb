/** Judging mutated documents from check results, as xml-mutate judges its SVRL. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import type { Outcome } from '../../src/model/outcome.js';
import type { CheckResult } from '../../src/model/report.js';
import type { SelftestConfig } from '../../src/xml/xmute/config.js';
import { parseDeclarationData } from '../../src/xml/xmute/declaration.js';
import { expandSample } from '../../src/xml/xmute/expand.js';
import { judgeDocument } from '../../src/xml/xmute/judge.js';
import { declarationResult } from '../../src/xml/xmute/verdict.js';

const CONFIG: SelftestConfig = {
  dir: '/suite/selftest',
  file: '/suite/selftest/selftest.yaml',
  files: ['**/*.xml'],
  prefixes: {
    xrubl: { checks: ['xr-ubl'], rules: new Set(['BR-DE-1', 'BR-DE-2', 'BR-DE-3', 'BR-DE-9']) },
    cenubl: { checks: ['cen-ubl'], rules: new Set(['BR-DE-1', 'BR-CO-09']) },
  },
  schema: ['xsd-ubl'],
  expectedToFail: [],
};

function result(check: string, outcome: Outcome, rules: string[] = []): CheckResult {
  const findings: Finding[] = rules.map((rule) => ({ code: 'assert-failed', message: `${rule} violated`, rule, severity: 'error', location: { line: 7 } }));
  if (outcome === 'cantTell' && rules.length === 0) findings.push({ code: 'engine-missing', message: 'Java is not installed' });
  return { id: `${check}/doc.xml`, check, kind: 'xml.schematron', class: 'c', title: check, subject: { id: 'doc.xml', title: 'doc.xml' }, severity: 'error', outcome, durationMs: 1, findings, evidence: [] };
}

const judge = (data: string, results: CheckResult[]) => judgeDocument(parseDeclarationData(data), results, CONFIG);

describe('judgeDocument', () => {
  const results = [result('xr-ubl', 'failed', ['BR-DE-1', 'BR-DE-2']), result('cen-ubl', 'passed'), result('xsd-ubl', 'passed')];

  it('passes when the invalid rules fire and the valid rules do not, in the check the prefix names', () => {
    expect(judge('mutator="remove" schematron-invalid="xrubl:BR-DE-1 xrubl:BR-DE-2" schematron-valid="xrubl:BR-DE-3 cenubl:BR-DE-1"', results)).toEqual({ outcome: 'passed', reasons: [] });
  });

  it('fails with a reason for each expectation not met', () => {
    expect(judge('mutator="remove" schematron-invalid="cenubl:BR-DE-1" schematron-valid="xrubl:BR-DE-2"', results)).toEqual({
      outcome: 'failed',
      reasons: ['cenubl:BR-DE-1 was expected to fire but did not', 'xrubl:BR-DE-2 was expected not to fire but fired: BR-DE-2 violated (line 7)'],
    });
  });

  it('looks into every mapped check for a rule without prefix', () => {
    expect(judge('mutator="remove" schematron-invalid="BR-DE-2"', results).outcome).toBe('passed');
  });

  it('is an exception for a prefix the self-test does not map', () => {
    expect(judge('mutator="remove" schematron-invalid="peppol:R001"', results)).toEqual({
      outcome: 'exception',
      reasons: ['the self-test maps no check to the prefix "peppol"'],
    });
  });

  it('is cantTell, never passed, when the check could not decide or gave no result', () => {
    const undecided = judge('mutator="remove" schematron-valid="xrubl:BR-DE-9"', [result('xr-ubl', 'cantTell')]);
    expect(undecided).toEqual({ outcome: 'cantTell', reasons: ['xrubl:BR-DE-9: xr-ubl is cantTell (Java is not installed)'] });
    expect(judge('mutator="remove" schematron-valid="xrubl:BR-DE-9"', []).outcome).toBe('cantTell');
    expect(judge('mutator="remove" schematron-invalid="xrubl:BR-DE-1"', [result('xr-ubl', 'cantTell', ['BR-DE-1'])]).outcome).toBe('passed');
  });

  it('counts a check that does not apply to the document as one where no rule fires', () => {
    const other = [result('xr-ubl', 'inapplicable'), result('cen-ubl', 'passed')];
    expect(judge('mutator="remove" schematron-valid="xrubl:BR-DE-1"', other).outcome).toBe('passed');
    expect(judge('mutator="remove" schematron-invalid="xrubl:BR-DE-1"', other).outcome).toBe('failed');
  });

  it('cannot test rules on a document the suite applies none of the rule-set checks to', () => {
    const none = [{ ...result('xr-ubl', 'inapplicable'), findings: [{ code: 'other-scenario', message: 'the file matches no scenario' }] }, result('cen-ubl', 'inapplicable')];
    expect(judge('mutator="code" schematron-invalid="xrubl:BR-DE-1" schematron-valid="xrubl:BR-DE-2"', none)).toEqual({
      outcome: 'exception',
      reasons: ['the suite applies none of its rule-set checks to the mutated document: the file matches no scenario'],
    });
  });

  it('fails a rule that the checks of its prefix do not verify, as xml-mutate fails a rule its Schematron lacks', () => {
    expect(judge('mutator="remove" schematron-valid="xrubl:BR-CO-09 BR-XX-1"', results)).toEqual({
      outcome: 'failed',
      reasons: ['xrubl:BR-CO-09 is no rule of xr-ubl: none of them verifies a requirement BR-CO-09', 'BR-XX-1 is no rule of xr-ubl, cen-ubl: none of them verifies a requirement BR-XX-1'],
    });
  });

  it('judges schema-valid and schema-invalid on the schema checks', () => {
    expect(judge('mutator="remove" schema-valid', results).outcome).toBe('passed');
    expect(judge('mutator="remove" schema-invalid', results).reasons).toEqual(['expected schema-invalid, but the document is schema-valid']);
    expect(judge('mutator="remove" schema-invalid', [result('xsd-ubl', 'failed', ['cvc-complex-type.2.4'])]).outcome).toBe('passed');
    expect(judgeDocument(parseDeclarationData('mutator="remove" schema-valid'), results, { ...CONFIG, schema: [] }).outcome).toBe('exception');
  });

  it('judges schematron-valid-all, and names the entirety forms it cannot judge', () => {
    expect(judge('mutator="remove" schematron-valid-all', results)).toEqual({ outcome: 'failed', reasons: ['schematron-valid-all: rules fired: BR-DE-1, BR-DE-2'] });
    expect(judge('mutator="remove" schematron-invalid="none"', [result('xr-ubl', 'passed'), result('cen-ubl', 'passed')]).outcome).toBe('passed');
    expect(judge('mutator="remove" schematron-invalid-all', results).outcome).toBe('exception');
  });
});

describe('declarationResult', () => {
  const [declaration] = expandSample('/suite/selftest/s.xml', '<a><?xmute mutator="code" values="1,2" id="d1" schematron-invalid="xrubl:BR-DE-1"?><b>0</b></a>');
  const planned = { ...(declaration as NonNullable<typeof declaration>), samplePath: 's.xml' };
  const written = [
    { label: '1', path: '/tmp/one.xml' },
    { label: '2', path: '/tmp/two.xml' },
  ];
  const resultsOf = (file: string) => (file === '/tmp/one.xml' ? [result('xr-ubl', 'failed', ['BR-DE-1'])] : [result('xr-ubl', 'passed')]);

  it('holds only when every mutated document meets it, naming the value that does not', () => {
    expect(declarationResult(planned, written, resultsOf, CONFIG)).toMatchObject({
      sample: 's.xml',
      line: 1,
      id: 'd1',
      mutator: 'code',
      documents: 2,
      outcome: 'failed',
      reasons: ['[2] xrubl:BR-DE-1 was expected to fire but did not'],
    });
  });

  it('turns a documented failure into an exception, and flags it once it holds', () => {
    const documented = { ...planned, expectedToFail: 'CEN does not have this yet' };
    expect(declarationResult(documented, written, resultsOf, CONFIG)).toMatchObject({
      outcome: 'exception',
      reasons: ['documented not to hold: CEN does not have this yet', '[2] xrubl:BR-DE-1 was expected to fire but did not'],
      expectedToFail: 'CEN does not have this yet',
    });
    const holds = declarationResult(documented, written, () => [result('xr-ubl', 'failed', ['BR-DE-1'])], CONFIG);
    expect(holds).toMatchObject({ outcome: 'failed', reasons: ['documented not to hold (CEN does not have this yet), but it holds'] });
  });

  it('fails a mutated document that is not well-formed', () => {
    const broken = [{ label: '1', problem: 'the mutated document is not well-formed XML: bad character' }];
    expect(declarationResult(planned, broken, resultsOf, CONFIG)).toMatchObject({ outcome: 'failed', documents: 0, reasons: ['the mutated document is not well-formed XML: bad character'] });
  });
});
