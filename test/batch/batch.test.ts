/**
 * `konform batch` over the reference servers and their mutants: a folder per run, index.json
 * (valid against its schema) and index.html over them, the exit code the worst run's.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer, type OParlServer } from '../../fixtures/oparl/server.js';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import type { BatchIndex } from '../../src/batch/batch-index.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import type { CliRun } from '../helpers/cli.js';
import { closedPort } from '../../fixtures/closed-port.js';
import { batchRun, PEGEL_SPEC, scratchFolder, writePlan } from './batch-cli.js';

const TOKEN = 'batch-token-5f1c9e';
const authorizations = new Set<string | undefined>();
const headerOf = (raw: readonly string[], name: string): string | undefined => raw[raw.findIndex((entry, at) => at % 2 === 0 && entry.toLowerCase() === name) + 1];
const MESSAGE = join(PACKAGE_ROOT, 'fixtures', 'xoev', 'mutated', 'xdomea-0503-valid.xml');

describe('konform batch over reference servers and mutants', () => {
  let servers: Array<PegelServer | OParlServer>;
  let scratch: string;
  let cli: CliRun;
  let out: string;
  let index: BatchIndex;
  let dead: string;

  beforeAll(async () => {
    const [pegel, pegelMutant, oparl, oparlMutant] = (servers = await Promise.all([
      startPegelServer({ mutation: { reply: (reply, request) => (authorizations.add(headerOf(request.rawHeaders, 'authorization')), reply) } }),
      startPegelServer({ mutant: 'undocumented-status' }),
      startOParlServer(),
      startOParlServer({ mutant: 'wrong-type-uri' }),
    ])) as [PegelServer, PegelServer, OParlServer, OParlServer];
    dead = `http://127.0.0.1:${await closedPort()}/v2`;
    scratch = await scratchFolder();
    // The spec's path is relative to the plan's folder, not to where konform is started.
    const spec = relative(scratch, PEGEL_SPEC);
    const plan = await writePlan(scratch, {
      runs: [
        // Credentials named by an environment variable, as --auth-bearer-env names them.
        { suite: 'openapi-contract', target: pegel.url, spec, auth: { bearerEnv: 'KONFORM_BATCH_TOKEN' } },
        { suite: 'openapi-contract', target: pegelMutant.url, spec },
        { suite: 'oparl-1.1', target: oparl.url, profile: 'without-https' },
        { suite: 'oparl-1.1', target: oparlMutant.url, profile: 'without-https' },
        { suite: 'openapi-contract', target: dead, spec },
        // Message files, relative to the plan's folder as well.
        { suite: 'xdomea-3.0', files: [relative(scratch, MESSAGE)] },
      ],
    });
    ({ cli, out, index } = await batchRun(plan, ['--rate', '0', '--parallel', '3'], { KONFORM_BATCH_TOKEN: TOKEN }));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await rm(scratch, { recursive: true, force: true });
  });

  it('exits with the worst run: a failed target (1) before an undecided one (3)', () => {
    expect(cli.code).toBe(1);
    expect(index.exitCode).toBe(1);
    expect(cli.stdout).toMatch(/batch: 6 of 6 runs, exit 1/);
  });

  it('writes an ordinary run folder per suite and target, and the index names each with its verdict', async () => {
    const [pegel, pegelMutant, oparl, oparlMutant] = servers as [PegelServer, PegelServer, OParlServer, OParlServer];
    expect(index.runs.map((run) => [run.suite, run.subject, run.report?.verdict, run.exitCode])).toEqual([
      ['openapi-contract', pegel.url, 'conformant', 0],
      ['openapi-contract', pegelMutant.url, 'notConformant', 1],
      ['oparl-1.1', oparl.url, 'conformant', 0],
      ['oparl-1.1', oparlMutant.url, 'notConformant', 1],
      ['openapi-contract', dead, 'inconclusive', 3],
      ['xdomea-3.0', relative(scratch, MESSAGE), 'conformant', 0],
    ]);
    expect(new Set(index.runs.map((run) => run.folder)).size).toBe(6);
    for (const run of index.runs.slice(0, 5)) {
      for (const file of ['report.json', 'report.html', 'summary.md', 'junit.xml']) expect(existsSync(join(out, run.folder, file)), `${run.folder}/${file}`).toBe(true);
      const report = JSON.parse(await readFile(join(out, run.report?.json ?? ''), 'utf8')) as Report;
      expect([report.target.url, report.verdict, report.counts, report.profile.id]).toEqual([run.subject, run.report?.verdict, run.report?.counts, run.report?.profile]);
    }
    const messages = JSON.parse(await readFile(join(out, index.runs[5]?.report?.json ?? ''), 'utf8')) as Report;
    expect(messages.target.files).toEqual([MESSAGE]);
    expect(index.runs[1]?.report?.failed.MUST).toBeGreaterThan(0);
    expect(index.shard).toEqual({ index: 1, total: 1 });
    expect(index.plan.runs).toBe(6);
  });

  it("sends a run's credentials from the environment variable its entry names, and writes them nowhere", async () => {
    expect([...authorizations]).toContain(`Bearer ${TOKEN}`);
    const folder = join(out, index.runs[0]?.folder ?? '');
    for (const file of await readdir(folder)) expect(await readFile(join(folder, file), 'utf8'), file).not.toContain(TOKEN);
  });

  it('writes index.html: self-contained, in German, a matrix of subjects × suites linking to each report', async () => {
    const page = await readFile(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<html lang="de">');
    expect(page).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(page).not.toMatch(/<script|src="http|href="http/);
    for (const run of index.runs) expect(page).toContain(`href="${run.report?.html}"`);
    // Three suites as columns (after the subjects'), six subjects as rows.
    expect(page.match(/<th scope="col">/g)).toHaveLength(4);
    expect(page.match(/<th scope="row">/g)).toHaveLength(6);
    expect(page).toContain('nicht konform');
    expect(page).toContain('nicht entschieden');
    expect(page).toContain('kein Lauf');
  });
});
