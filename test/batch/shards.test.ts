/**
 * `konform batch --shard i/n`: the shards of a plan partition its runs by their keys' hash, so
 * that every run is in exactly one shard, whatever the machine; index.json names its shard.
 */
import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/closed-port.js';
import { batchRun, PEGEL_SPEC, scratchFolder, writePlan } from './batch-cli.js';

const SHARDS = 3;
const scratch = await scratchFolder();
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('konform batch --shard', () => {
  it('runs each run of the plan in exactly one shard, in English with --lang en', async () => {
    // Targets that never answer: each run is quick, and inconclusive (exit code 3).
    const port = await closedPort();
    const runs = ['a', 'b', 'c', 'd', 'e', 'f'].map((path) => ({ suite: 'openapi-contract', target: `http://127.0.0.1:${port}/${path}`, spec: relative(scratch, PEGEL_SPEC) }));
    const plan = await writePlan(scratch, { runs });
    const keys: string[] = [];
    for (let shard = 1; shard <= SHARDS; shard += 1) {
      const { cli, index, out } = await batchRun(plan, ['--shard', `${shard}/${SHARDS}`, '--rate', '0', '--lang', 'en', '--force']);
      expect(index.shard).toEqual({ index: shard, total: SHARDS });
      expect(index.plan.runs).toBe(runs.length);
      expect(cli.code).toBe(index.runs.length === 0 ? 0 : 3);
      expect(index.runs.every((run) => run.report?.verdict === 'inconclusive')).toBe(true);
      expect(cli.stdout).toContain(`shard ${shard}/${SHARDS}: ${index.runs.length} of ${runs.length} runs`);
      keys.push(...index.runs.map((run) => run.key));
      expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(`<html lang="en">`);
    }
    expect(keys.sort()).toEqual(runs.map((run) => `${run.suite} ${run.target}`).sort());
  });
});
