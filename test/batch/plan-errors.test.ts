/**
 * A plan konform cannot follow ends `konform batch` with exit code 2 before any run starts,
 * naming the plan's file, line and column; an error only a run meets is that run's, in the index.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/closed-port.js';
import { runCli } from '../helpers/cli.js';
import { batchRun, scratchFolder, writePlan } from './batch-cli.js';

const scratch = await scratchFolder();
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function batchOf(name: string, plan: string, env: NodeJS.ProcessEnv = {}) {
  const dir = join(scratch, name);
  await mkdir(dir);
  const { plan: file } = await writePlan(dir, plan);
  const cli = await runCli(['batch', file, '--out', join(dir, 'out')], { env });
  expect(existsSync(join(dir, 'out', 'index.json'))).toBe(false);
  return { cli, file };
}

describe('konform batch with a bad plan', () => {
  it('exits 2 at the place of a property the schema does not know', async () => {
    const { cli, file } = await batchOf('unknown-property', 'runs:\n  - suite: oparl-1.1\n    tagret: http://127.0.0.1:9/\n');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${file}:2:5`);
    expect(cli.stderr).toContain('KONFORM_ERR_CONFIG_INVALID');
    expect(cli.stderr).toContain('unknown property "tagret"');
  });

  it('exits 2 at the place of a YAML syntax error', async () => {
    const { cli, file } = await batchOf('syntax', 'runs:\n  - suite: oparl-1.1\n    target: [http://127.0.0.1:9/\n');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid YAML`));
  });

  it('exits 2 at a run that repeats another run', async () => {
    const target = '    target: http://127.0.0.1:9/oparl/v1.1/\n';
    const { cli, file } = await batchOf('repeated', `runs:\n  - suite: oparl-1.1\n${target}  - suite: oparl-1.1\n${target}`);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${file}:4:5`);
    expect(cli.stderr).toContain('runs/1 repeats the suite and target of runs/0');
  });

  it('exits 2 at a suite konform does not have', async () => {
    const { cli, file } = await batchOf('unknown-suite', 'runs:\n  - target: http://127.0.0.1:9/\n    suite: oparl-1.2\n');
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${file}:3:5`);
    expect(cli.stderr).toContain('KONFORM_ERR_SUITE_NOT_FOUND');
  });

  it('exits 2 at the credentials of a run whose environment variable is not set', async () => {
    const plan = 'runs:\n  - suite: oparl-1.1\n    target: http://127.0.0.1:9/oparl/v1.1/\n    auth:\n      bearerEnv: KONFORM_TEST_UNSET_TOKEN\n';
    const { cli, file } = await batchOf('unset-variable', plan, { KONFORM_TEST_UNSET_TOKEN: '' });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${file}:4:5`);
    expect(cli.stderr).toContain('KONFORM_TEST_UNSET_TOKEN is not set');
  });

  it('exits 2 at a target that carries credentials, and never takes a secret written in the plan', async () => {
    const inUrl = await batchOf('credentials-in-url', 'runs:\n  - suite: oparl-1.1\n    target: http://user:secret@127.0.0.1:9/\n');
    expect(inUrl.cli.code).toBe(2);
    expect(inUrl.cli.stderr).toContain(`${inUrl.file}:3:5`);
    expect(inUrl.cli.stderr).not.toContain('secret');
    const inline = await batchOf('inline-secret', 'runs:\n  - suite: oparl-1.1\n    target: http://127.0.0.1:9/\n    auth:\n      bearer: abc\n');
    expect(inline.cli.code).toBe(2);
    expect(inline.cli.stderr).toContain('unknown property "bearer"');
  });
});

describe('konform batch with a run konform cannot start', () => {
  it('writes the error in the index, runs the others, and exits 2', async () => {
    const dir = join(scratch, 'run-error');
    await mkdir(dir);
    const target = `http://127.0.0.1:${await closedPort()}/oparl/v1.1/`;
    const plan = await writePlan(dir, { runs: [{ suite: 'oparl-1.1', target, profile: 'no-such-profile' }, { suite: 'oparl-1.0', target }] });
    const { cli, out, index } = await batchRun(plan, ['--rate', '0']);
    expect(cli.code).toBe(2);
    expect(index.runs.map((run) => [run.exitCode, run.error?.code, run.report?.verdict])).toEqual([
      [2, 'KONFORM_ERR_PROFILE_UNKNOWN', undefined],
      [3, undefined, 'inconclusive'],
    ]);
    expect(cli.stdout).toContain('error: ');
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('Konfigurationsfehler');
  });
});
