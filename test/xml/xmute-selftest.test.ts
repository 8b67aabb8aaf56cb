/** selftestSuite on a scratch copy of the xrechnung-3.0 suite with a self-test written for the test. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { selftestSuite, type SelftestReport } from '../../src/run/selftest.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

const SAMPLE = 'xrechnung-schematron/cii/cii-br-de-1-test.xml';
const ORIGINAL_DECLARATIONS = /<\?xmute mutator="identity"[\s\S]*?id="cii-mandatory-BG-16-2"[\s\S]*?\?>/;
const WRONG_DECLARATIONS = [
  '<?xmute mutator="identity" schematron-invalid="xrcii:BR-DE-1" id="fires-not"?>',
  '<?xmute mutator="remove" schema-valid schematron-invalid="xrcii:BR-DE-1" id="schema-and-rule"?>',
  '<?xmute mutator="remove" schematron-invalid="xrubl:BR-DE-1" id="unmapped-prefix"?>',
  '<?xmute mutator="identity" schematron-valid="xrcii:BR-DE-99" id="no-such-rule"?>',
].join('\n');

const CONFIG = ['files: [own/*.xml]', 'prefixes:', '  xrcii: [xrechnung-cii]', '  cencii: [cen-cii]', 'schema: [xsd-cii]', ''].join('\n');

describe('selftestSuite', () => {
  let workspace: SuiteWorkspace;
  let selftest: string;
  let report: SelftestReport;

  beforeAll(async () => {
    workspace = await suiteWorkspace('xrechnung-3.0', 'xrechnung/3.0');
    selftest = join(workspace.root, 'suites', 'xrechnung-3.0', 'selftest');
    const original = await readFile(join(selftest, SAMPLE), 'utf8');
    await mkdir(join(selftest, 'own'));
    await writeFile(join(selftest, 'own', 'holds.xml'), original);
    await writeFile(join(selftest, 'own', 'wrong.xml'), original.replace(ORIGINAL_DECLARATIONS, WRONG_DECLARATIONS));
    await writeFile(join(selftest, 'selftest.yaml'), CONFIG);
    report = await selftestSuite(workspace.suiteFile, { keep: join(workspace.root, 'documents') });
  }, 120_000);
  afterAll(() => workspace.remove());

  it('validates the mutated documents and judges each declaration', () => {
    const outcomes = report.declarations.map((declaration) => [declaration.sample, declaration.id, declaration.outcome, declaration.reasons]);
    expect(outcomes).toEqual([
      ['own/holds.xml', 'cii-mandatory-BG-16', 'passed', []],
      ['own/holds.xml', 'cii-mandatory-BG-16-2', 'passed', []],
      ['own/wrong.xml', 'fires-not', 'failed', ['xrcii:BR-DE-1 was expected to fire but did not']],
      ['own/wrong.xml', 'schema-and-rule', 'passed', []],
      ['own/wrong.xml', 'unmapped-prefix', 'exception', ['the self-test maps no check to the prefix "xrubl"']],
      ['own/wrong.xml', 'no-such-rule', 'failed', ['xrcii:BR-DE-99 is no rule of xrechnung-cii: none of them verifies a requirement BR-DE-99']],
    ]);
    expect(report).toMatchObject({ samples: 2, documents: 4, ok: false, counts: { passed: 3, failed: 2, cantTell: 0, exception: 1 } });
  });

  it('keeps the mutated documents where asked, each distinct document once', () => {
    expect(existsSync(join(workspace.root, 'documents', 'own', 'holds', 'line-144-1.xml'))).toBe(true);
    expect(existsSync(join(workspace.root, 'documents', 'own', 'holds', 'line-147-1.xml'))).toBe(true);
  });

  it.each([
    ['a self-test file the suite names but that does not exist', async () => rm(join(selftest, 'selftest.yaml')), ERROR_CODES.SUITE_INVALID],
    ['an empty self-test', async () => writeFile(join(selftest, 'selftest.yaml'), ''), ERROR_CODES.SUITE_INVALID],
    ['a prefix mapped to no check of the suite', async () => writeFile(join(selftest, 'selftest.yaml'), CONFIG.replace('[cen-cii]', '[cen-xyz]')), ERROR_CODES.SUITE_INVALID],
    ['a sample that is not UTF-8', async () => writeFile(join(selftest, 'own', 'latin1.xml'), '<?xml version="1.0" encoding="ISO-8859-1"?><a/>'), ERROR_CODES.SUITE_INVALID],
  ])('refuses %s', async (_name, breakIt, code) => {
    await breakIt();
    const error = await selftestSuite(workspace.suiteFile).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KonformError);
    expect((error as KonformError).code).toBe(code);
    await writeFile(join(selftest, 'selftest.yaml'), CONFIG);
  });
});
