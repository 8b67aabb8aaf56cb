/**
 * `konform diff` as a user runs it, on report files written to a scratch folder: the exit codes
 * (0 nothing regressed, 1 something did, 2 a file that is no valid report, runs of different
 * suites, a wrong flag) and --format with --out.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/sample-report.js';
import { diffSchemaErrors } from './diff-cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-diff-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Writes `report` as <scratch>/<name>/report.json and returns the folder. */
async function runFolder(name: string, report: unknown): Promise<string> {
  const folder = join(scratch, name);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'report.json'), typeof report === 'string' ? report : JSON.stringify(report));
  return folder;
}

function regressed(): Report {
  const report = sampleReport();
  report.results[0]!.outcome = 'failed';
  report.results[0]!.findings = [{ code: 'status-undocumented', message: 'Status 500 is not documented for GET /system', severity: 'error' }];
  report.requirements[0]!.outcome = 'failed';
  return report;
}

describe('konform diff', () => {
  it('exits 0 for two runs alike, given as folder and as report.json', async () => {
    const a = await runFolder('same-a', sampleReport());
    const b = await runFolder('same-b', sampleReport());
    const cli = await runCli(['diff', a, join(b, 'report.json')]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('0 regressions, 0 fixes');
  });

  it('exits 1 when something regressed, and writes the JSON form to --out', async () => {
    const a = await runFolder('before', sampleReport());
    const b = await runFolder('after', regressed());
    const text = await runCli(['diff', a, b]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Regressions (2)\n  requirement OPARL-SYS-1 (MUST): passed → failed, failed cases 0 → 1\n  result system-reachable (MUST): passed → failed');
    const out = join(scratch, 'diff.json');
    const json = await runCli(['diff', a, b, '--format', 'json', '--out', out]);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe(`2 regressions, 0 fixes, 0 other changes, 0 new and 0 gone results, 1 new and 0 gone findings, 1 requirement failed in a different number of cases\ndiff: ${out}\n`);
    expect(diffSchemaErrors(JSON.parse(await readFile(out, 'utf8')))).toEqual([]);
  });

  it('exits 2 naming the file and what is wrong for a report that is not valid, no JSON or missing', async () => {
    const good = await runFolder('good', sampleReport());
    const broken = sampleReport() as unknown as { results: Array<{ outcome: string }> };
    broken.results[0]!.outcome = 'success';
    const invalid = await runFolder('invalid', broken);
    const notJson = await runFolder('not-json', '{"reportVersion": "1.0",');
    const empty = join(scratch, 'empty');
    await mkdir(empty);
    const cases: Array<[string, string]> = [
      [invalid, `${join(invalid, 'report.json')}: is no valid konform report (report.schema.json): /results/0/outcome: must be equal to one of the allowed values`],
      [notJson, `${join(notJson, 'report.json')}: is no JSON:`],
      [empty, `${join(empty, 'report.json')}: the folder holds no report.json`],
      [join(scratch, 'nowhere'), `${join(scratch, 'nowhere')}: no such file or folder`],
    ];
    for (const [folder, message] of cases) {
      const cli = await runCli(['diff', good, folder]);
      expect(cli.code, folder).toBe(2);
      expect(cli.stderr).toContain(`KONFORM_ERR_REPORT_INVALID: ${message}`);
    }
  });

  it('exits 2 for runs of different suites and for an unknown format', async () => {
    const other = sampleReport();
    other.suite.id = 'oparl-1.0';
    const a = await runFolder('suite-a', sampleReport());
    const b = await runFolder('suite-b', other);
    const suites = await runCli(['diff', a, b]);
    expect(suites.code).toBe(2);
    expect(suites.stderr).toContain(`${a} is a run of suite oparl-core, ${b} one of suite oparl-1.0: only runs of the same suite can be compared`);
    const format = await runCli(['diff', a, a, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Allowed choices are text, md, json, html');
  });
});
