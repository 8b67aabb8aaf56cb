/**
 * `konform diff` on real run pairs of the oparl-1.1 suite: the OParl reference server (fixtures/oparl)
 * against itself on another port, and against mutants that each break one check. Two runs of the
 * same server match result for result and finding for finding — exchange IDs, times and the port
 * differ, and are no part of what is compared — and a mutant shows as exactly the regression of
 * the check it breaks; the other way round, as its fix.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/oparl/mutants.js';
import { startOParlServer, type OParlServerOptions } from '../../fixtures/oparl/server.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { conformantCliRun } from '../helpers/conformant-run.js';
import { diffJson } from './diff-cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-diff-oparl-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const RUN = ['run', 'oparl-1.1', '--profile', 'without-https', '--rate', '0'];
const MUTANT_NAMES: MutantName[] = ['wrong-type-uri', 'no-cors'];

/** Runs the suite against the server (a mutant fails: exit 1) into <scratch>/<name>; returns the folder. */
async function runAgainst(name: string, options: OParlServerOptions = {}): Promise<string> {
  const out = join(scratch, name);
  const server = await startOParlServer(options);
  if (options.mutant === undefined) {
    await conformantCliRun([...RUN, '--target', server.url], out, server);
    return out;
  }
  try {
    const cli = await runCli([...RUN, '--target', server.url, '--out', out]);
    expect(cli.code).toBe(1);
  } finally {
    await server.close();
  }
  return out;
}


const changes = (entries: Array<{ id: string; change: string }>) => entries.map((entry) => [entry.id, entry.change]);

describe('konform diff of oparl-1.1 runs against the reference server and its mutants', () => {
  const folders: Record<string, string> = {};
  beforeAll(async () => {
    folders.reference = await runAgainst('reference');
    folders.again = await runAgainst('reference-again');
    for (const name of MUTANT_NAMES) folders[name] = await runAgainst(name, { mutant: name });
    folders.mutantAgain = await runAgainst('wrong-type-uri-again', { mutant: 'wrong-type-uri' });
  }, 120_000);

  it.each([
    ['the reference server', 'reference', 'again'],
    ['a mutant, whose findings name URLs with the port', 'wrong-type-uri', 'mutantAgain'],
  ])('finds nothing but the other port between two runs of %s, and exits 0', async (_, first, second) => {
    const { code, diff } = await diffJson(folders[first]!, folders[second]!);
    expect(code).toBe(0);
    expect(diff.differences.map((difference) => difference.about)).toEqual(['target']);
    expect([diff.requirements, diff.results, diff.findings]).toEqual([[], [], { new: [], gone: [] }]);
  });

  it.each(MUTANT_NAMES)('shows mutant %s as the regression of the check it breaks, and exits 1', async (name) => {
    const breaks = MUTANTS[name].breaks;
    const { code, diff } = await diffJson(folders.reference!, folders[name]!);
    expect(code).toBe(1);
    const report = JSON.parse(await readFile(join(folders[name]!, 'report.json'), 'utf8')) as Report;
    const failed = report.results.filter((result) => result.outcome === 'failed');
    expect(changes(diff.results)).toEqual(failed.map((result) => [result.id, 'regression']));
    expect(new Set(failed.map((result) => result.check))).toEqual(new Set([breaks]));
    const verified = report.checks.find((check) => check.id === breaks)!.requirements;
    const failedRequirements = report.requirements.filter((requirement) => requirement.outcome === 'failed');
    expect(changes(diff.requirements)).toEqual(failedRequirements.map((requirement) => [requirement.id, 'regression']));
    for (const requirement of diff.requirements) {
      expect(verified).toContain(requirement.id);
      expect(requirement.failedCases.a).toBe(0);
      expect(requirement.failedCases.b).toBeGreaterThan(0);
    }
    const violations = failed.flatMap((result) => result.findings.filter((finding) => finding.severity === 'error'));
    expect(diff.findings.new.filter((change) => change.finding.severity === 'error')).toEqual(violations.map((finding) => expect.objectContaining({ finding })));
    expect(diff.summary).toMatchObject({ fixes: 0, otherChanges: 0, newResults: 0, goneResults: 0 });
  });

  it.each(MUTANT_NAMES)('shows the reference after mutant %s as its fix, and exits 0', async (name) => {
    const { code, diff } = await diffJson(folders[name]!, folders.reference!);
    expect(code).toBe(0);
    expect(diff.summary.regressions).toBe(0);
    expect(diff.summary.fixes).toBe(diff.requirements.length + diff.results.length);
    expect(diff.summary.fixes).toBeGreaterThan(1);
  });

  it('tells it on the terminal and as one HTML page', async () => {
    const text = await runCli(['diff', folders.reference!, folders['wrong-type-uri']!]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/Regressions \(2\)\n {2}requirement OPARL-OBJ-TYPE \(MUST\): passed → failed, failed cases 0 → \d+\n {2}result type-uri\/Paper \(MUST\): passed → failed\n/);
    expect(text.stdout).toMatch(/The runs differ in:\n {2}target: http:\/\/127\.0\.0\.1:\d+\/oparl\/v1\.1\/ → http:\/\/127\.0\.0\.1:\d+\/oparl\/v1\.1\//);
    const out = join(scratch, 'diff.html');
    const html = await runCli(['diff', folders.reference!, folders['wrong-type-uri']!, '--format', 'html', '--out', out]);
    expect(html.code).toBe(1);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<h2>Regressions (2)</h2>');
    expect(page).toMatch(/<summary><code>type-uri<\/code>: \d+ × error type-unknown \(rule OPARL-OBJ-TYPE\)<\/summary>/);
    expect(page).not.toMatch(/<script/i);
  });
});
