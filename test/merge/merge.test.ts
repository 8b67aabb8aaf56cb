/**
 * `konform validate --shard i/n` and `konform merge`, as a CI matrix uses them: the XRechnung
 * files validated in three shards and merged give the report of the run over all of them;
 * folders that are not the shards 1 to n of one run are refused (exit 2); a shard that did not
 * complete leaves the merged run incomplete; a merged folder is signed and verifies.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardOfKey } from '../../src/core/shard.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { INPUTS, judged, reportIn } from './comparable.js';

const FORMATS = ['junit.xml', 'report.earl.jsonld', 'report.html', 'report.json', 'report.sarif', 'summary.md'];

let dir: string;
let whole: Report;
const shards: string[] = [];
let merged: CliRun;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-merge-'));
  const runs = await Promise.all([
    runCli(['validate', 'xrechnung-3.0', ...INPUTS, '--out', join(dir, 'whole')]),
    ...[1, 2, 3].map((index) => runCli(['validate', 'xrechnung-3.0', ...INPUTS, '--shard', `${index}/3`, '--out', join(dir, `shard-${index}`)])),
  ]);
  for (const run of runs) expect(run.stderr).not.toContain('konform:');
  expect(runs.map((run) => run.code)).toEqual([1, 0, 1, 1]);
  whole = await reportIn(join(dir, 'whole'));
  shards.push(...[1, 2, 3].map((index) => join(dir, `shard-${index}`)));
  merged = await runCli(['merge', ...shards, '--out', join(dir, 'merged')]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A copy of a shard's folder with its report.json changed. */
async function changedShard(name: string, from: string, change: (report: Report) => void): Promise<string> {
  const folder = join(dir, name);
  await cp(from, folder, { recursive: true });
  const report = await reportIn(folder);
  change(report);
  await writeFile(join(folder, 'report.json'), JSON.stringify(report));
  return folder;
}

describe('validate --shard i/n', () => {
  it('judges each file in exactly one shard, by its path relative to the working directory, and says so in report.json', async () => {
    const reports = await Promise.all(shards.map(reportIn));
    expect(reports.map((report) => report.shard)).toEqual(reports.map((report, at) => ({ index: at + 1, total: 3, items: report.target.files!.length })));
    expect(reports.flatMap((report) => report.target.files!).sort()).toEqual([...whole.target.files!].sort());
    for (const [at, report] of reports.entries()) {
      expect(report.target.files!.length).toBeGreaterThan(0);
      for (const file of report.target.files!) expect(shardOfKey(file, 3), file).toBe(at + 1);
    }
    expect(whole.shard).toBeUndefined();
  });

  it('shows the shard in summary.md and report.html', async () => {
    const summary = await readFile(join(shards[1]!, 'summary.md'), 'utf8');
    const { items } = (await reportIn(shards[1]!)).shard!;
    expect(summary).toContain(`| Teil (Shard) | Teil 2 von 3: ${items} Dateien;`);
    expect(await readFile(join(shards[1]!, 'report.html'), 'utf8')).toContain(`<dt>Teil (Shard)</dt><dd>Teil 2 von 3: ${items} Dateien;`);
  });

  it('refuses a shard that is no i/n of 1 ≤ i ≤ n, and --shard auto with one of its variables alone (exit 2)', async () => {
    const [zero, alone] = await Promise.all([
      runCli(['validate', 'xrechnung-3.0', INPUTS[0]!, '--shard', '0/3', '--out', join(dir, 'never')]),
      runCli(['validate', 'xrechnung-3.0', INPUTS[0]!, '--shard', 'auto', '--out', join(dir, 'never')], { env: { CI_NODE_INDEX: '1' } }),
    ]);
    expect([zero.code, alone.code]).toEqual([2, 2]);
    expect(zero.stderr).toContain('KONFORM_ERR_USAGE: --shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "0/3"');
    expect(alone.stderr).toContain('--shard auto needs both CI_NODE_INDEX and CI_NODE_TOTAL, but only CI_NODE_INDEX is set');
    expect(await readdir(dir)).not.toContain('never');
  });

  it('judges a shard that holds no file as a run of nothing (inconclusive), which merges into the run of all files', async () => {
    const file = 'fixtures/xrechnung/instances/testsuite-2026-01-31/business-cases/standard/01.02a-INVOICE_ubl.xml';
    const holding = shardOfKey(file, 2);
    const empty = 3 - holding;
    const [alone, emptyRun, holdingRun] = await Promise.all([
      runCli(['validate', 'xrechnung-3.0', file, '--out', join(dir, 'one')]),
      runCli(['validate', 'xrechnung-3.0', file, '--shard', `${empty}/2`, '--out', join(dir, 'one-empty')]),
      runCli(['validate', 'xrechnung-3.0', file, '--shard', `${holding}/2`, '--out', join(dir, 'one-holding')]),
    ]);
    expect([alone, emptyRun, holdingRun].map(({ code }) => code), emptyRun.stderr).toEqual([0, 3, 0]);
    const emptyReport = await reportIn(join(dir, 'one-empty'));
    expect(emptyReport.shard).toEqual({ index: empty, total: 2, items: 0 });
    expect(emptyReport.counts.passed).toBe(0);
    const joined = await runCli(['merge', join(dir, 'one-empty'), join(dir, 'one-holding'), '--out', join(dir, 'one-merged')]);
    expect(joined.stderr).toBe('');
    expect(joined.code).toBe(0);
    expect(judged(await reportIn(join(dir, 'one-merged')))).toEqual(judged(await reportIn(join(dir, 'one'))));
  });
});

describe('konform merge', () => {
  it('gives the results, requirements, counts and verdict of the run over all files, with its exit code', async () => {
    expect(merged.stderr).toBe('');
    expect(whole.verdict).toBe('notConformant');
    expect(whole.counts.passed).toBeGreaterThan(0);
    expect(merged.code).toBe(whole.exitCode);
    expect(merged.stdout).toContain('verdict: notConformant');
    const report = await reportIn(join(dir, 'merged'));
    expect(judged(report)).toEqual(judged(whole));
    expect(report.shard).toBeUndefined();
    expect(validateReport(report)).toEqual([]);
  });

  it('writes every format again from the merged report', async () => {
    const folder = join(dir, 'merged');
    expect((await readdir(folder)).sort()).toEqual(FORMATS);
    const failedCases = (text: string) => text.match(/<failure /g)?.length ?? 0;
    expect(failedCases(await readFile(join(folder, 'junit.xml'), 'utf8'))).toBe(failedCases(await readFile(join(dir, 'whole', 'junit.xml'), 'utf8')));
    const sarifResults = async (at: string) => (JSON.parse(await readFile(join(at, 'report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results;
    expect(await sarifResults(folder)).toEqual(await sarifResults(join(dir, 'whole')));
    expect(await readFile(join(folder, 'summary.md'), 'utf8')).not.toContain('Teil (Shard)');
  });

  it('leaves the merged run incomplete, never conformant, when a shard did not complete', async () => {
    const accepted = join(dir, 'accepted');
    const files = whole.target.files!.filter((file) => file.includes('testsuite'));
    // The shards of the accepted invoices alone: conformant when all completed.
    const runs = await Promise.all([1, 2].map((index) => runCli(['validate', 'xrechnung-3.0', INPUTS[0]!, '--shard', `${index}/2`, '--out', `${accepted}-${index}`])));
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const green = await runCli(['merge', `${accepted}-1`, `${accepted}-2`, '--out', `${accepted}-merged`]);
    expect(green.code).toBe(0);
    expect((await reportIn(`${accepted}-merged`)).target.files).toEqual(files);
    const cut = await changedShard('accepted-cut', `${accepted}-2`, (report) => {
      report.complete = false;
      report.interruption = 'SIGTERM';
    });
    const incomplete = await runCli(['merge', `${accepted}-1`, cut, '--out', `${accepted}-incomplete`]);
    expect(incomplete.code).toBe(3);
    const report = await reportIn(`${accepted}-incomplete`);
    expect(report).toMatchObject({ complete: false, verdict: 'inconclusive', exitCode: 3, interruption: 'shard 2/2 did not complete (SIGTERM)' });
    expect(incomplete.stdout).toContain('verdict: inconclusive (run incomplete)');
  });

  describe('refuses (exit 2), saying why', () => {
    const refused = async (folders: string[], message: string | RegExp) => {
      const run = await runCli(['merge', ...folders, '--out', join(dir, 'refused')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(await readdir(dir)).not.toContain('refused');
    };

    it('a missing shard', () => refused([shards[0]!, shards[2]!], 'KONFORM_ERR_USAGE: konform merge: shard 2/3 is missing (given: 1/3, 3/3)'));

    it('a shard given twice', () => refused([shards[0]!, shards[1]!, shards[1]!, shards[2]!], `shard 2/3 is given 2 times (${shards[1]}, ${shards[1]})`));

    it('a folder that is no shard, given with shards', () => refused([...shards, join(dir, 'whole')], `${join(dir, 'whole')} holds no shard (a run without --shard)`));

    it('shards of different totals', async () => {
      const other = await changedShard('total-4', shards[1]!, (report) => void (report.shard!.total = 4));
      await refused([shards[0]!, other, shards[2]!], `${shards[0]} is shard 1/3, ${other} is shard 2/4: the shards of one run have one total`);
    });

    it('a file judged in two shards', async () => {
      const other = await changedShard('file-twice', shards[1]!, (report) => report.target.files!.push(whole.target.files!.find((file) => !report.target.files!.includes(file))!));
      await refused([shards[0]!, other, shards[2]!], /was judged in shard \d\/3 \(.*\) and in shard \d\/3/);
    });

    it.each<[string, (report: Report) => void, RegExp]>([
      ['konform version', (report) => void (report.tool.version = '0.0.1'), /differ in their konform version: .* has 0\.1\.0, .* has 0\.0\.1/],
      ['suite', (report) => void (report.suite.sha256 = '0'.repeat(64)), /differ in their suite: .* has xrechnung-3\.0 1\.0\.0 \(sha256 [0-9a-f]{64}\), .* \(sha256 0{64}\)/],
      ['suite version', (report) => void (report.suite.version = '0.9.0'), /differ in their suite: .* has xrechnung-3\.0 0\.9\.0/],
      ['standard', (report) => void (report.standard.artifacts[0]!.sha256 = '0'.repeat(64)), /differ in their standard: /],
      ['profile', (report) => void (report.profile.classes = report.profile.classes.slice(1)), /differ in their profile: /],
    ])('shards of another %s', async (what, change, message) => {
      const other = await changedShard(`other-${what.replace(/ /g, '-')}`, shards[2]!, change);
      await refused([...shards.slice(0, 2), other], message);
    });

    it('shards judged by another suite than this konform loads', async () => {
      const copies = await Promise.all(shards.map((shard, at) => changedShard(`suite-${at}`, shard, (report) => void (report.suite.sha256 = '1'.repeat(64)))));
      await refused(copies, /the shards were judged by suite xrechnung-3\.0 1\.0\.0 \(sha256 1{64}\), but xrechnung-3\.0 is .*: give that suite with --suite/);
    });

    it('no folder, or one that holds no report', async () => {
      await refused([join(dir, 'nothing')], /KONFORM_ERR_REPORT_INVALID: .*nothing: no such file or folder/);
      const none = await runCli(['merge', '--out', join(dir, 'refused')]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain("missing required argument 'folders'");
    });
  });

  it('signs the merged folder with --sign-key or --sign-key-env, and konform verify holds it', async () => {
    const keys = join(dir, 'keys');
    expect((await runCli(['keygen', '--out', keys])).code).toBe(0);
    const signed = await runCli(['merge', ...shards, '--out', join(dir, 'signed'), '--sign-key', join(keys, 'private.pem')]);
    expect(signed.stderr).toBe('');
    expect(signed.code).toBe(whole.exitCode);
    expect(await readdir(join(dir, 'signed'))).toContain('attestation.json');
    expect((await reportIn(join(dir, 'signed'))).signer?.algorithm).toBe('ed25519');
    const verified = await runCli(['verify', join(dir, 'signed'), '--key', join(keys, 'public.pem')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);

    const env = { KONFORM_TEST_KEY: await readFile(join(keys, 'private.pem'), 'utf8') };
    const fromEnv = await runCli(['merge', ...shards, '--out', join(dir, 'signed-env'), '--sign-key-env', 'KONFORM_TEST_KEY'], { env });
    expect(fromEnv.code).toBe(whole.exitCode);
    expect((await runCli(['verify', join(dir, 'signed-env'), '--key', join(keys, 'public.pem')])).code).toBe(0);
  });
});
