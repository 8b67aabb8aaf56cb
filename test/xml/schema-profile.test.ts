/**
 * The `schema` profile of xrechnung-3.0: well-formedness, scenario and XML Schema, without
 * the EN 16931 and XRechnung Schematron. An invoice that breaks its schema is rejected as
 * under the full profile, with the same results for the checks both profiles run.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XRECHNUNG_TESTSUITE as TESTSUITE } from '../../fixtures/xrechnung/instances.js';
import type { CheckResult, Report } from '../../src/model/report.js';
import { run } from '../../src/run/run.js';

const SCHEMA_CHECKS = ['well-formed', 'scenario', 'xsd-ubl-invoice', 'xsd-ubl-creditnote', 'xsd-cii'];
const VALID = join(TESTSUITE, 'technical-cases', 'cius', '01.01_comprehensive_test_ubl.xml');

let scratch: string;
let invalid: string;
let schema: Report;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-schema-profile-'));
  const lines = (await readFile(VALID, 'utf8')).split('\n');
  lines[5] = '  <cbc:IssueDate>13.04.2018</cbc:IssueDate>';
  invalid = join(scratch, 'wrong-date.xml');
  await writeFile(invalid, lines.join('\n'));
  schema = await run({ suite: 'xrechnung-3.0', profile: 'schema', target: { files: [VALID, invalid] } });
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const outcomes = (report: Report, file: string) =>
  Object.fromEntries(report.results.filter((result) => result.subject?.id === file).map((result) => [result.check, result.outcome]));

/** A result as both profiles must give it: everything but its duration. */
const comparable = ({ durationMs: _duration, ...result }: CheckResult) => result;

describe('xrechnung-3.0 --profile schema', () => {
  it('runs well-formedness, scenario and XSD only, and rejects the invoice that breaks its schema', () => {
    expect(schema.profile).toMatchObject({ id: 'schema' });
    expect(new Set(schema.results.map((result) => result.check))).toEqual(new Set(SCHEMA_CHECKS));
    expect(schema.results.filter((result) => ['cen', 'xrechnung'].includes(result.class))).toEqual([]);
    expect(outcomes(schema, VALID)).toEqual({
      'well-formed': 'passed', scenario: 'passed', 'xsd-ubl-invoice': 'passed', 'xsd-ubl-creditnote': 'inapplicable', 'xsd-cii': 'inapplicable',
    });
    expect(outcomes(schema, invalid)).toMatchObject({ 'well-formed': 'passed', scenario: 'passed', 'xsd-ubl-invoice': 'failed' });
    const failed = schema.results.find((result) => result.subject?.id === invalid && result.check === 'xsd-ubl-invoice');
    expect(failed?.findings[0]).toMatchObject({ code: 'xsd-invalid', severity: 'error', location: { file: invalid, line: 6 } });
    expect(schema.verdict).toBe('notConformant');
  });

  it('gives the results of the full profile for the checks both run; the full run leaves no Saxon reports behind', async () => {
    const temporary = await mkdtemp(join(scratch, 'tmp-'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = temporary;
    let full: Report;
    try {
      full = await run({ suite: 'xrechnung-3.0', target: { files: [VALID, invalid] } });
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    expect(await readdir(temporary)).toEqual([]);
    expect(full.results.some((result) => result.class === 'cen')).toBe(true);
    const shared = full.results.filter((result) => SCHEMA_CHECKS.includes(result.check));
    expect(schema.results.map(comparable)).toEqual(shared.map(comparable));
  });
});
