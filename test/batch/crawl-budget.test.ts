/** A plan entry's `crawl` budget reaches its run as the flags of `konform run` would: the report names it, and what it cut off. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer, type OParlServer } from '../../fixtures/oparl/server.js';
import type { Report } from '../../src/model/report.js';
import { batchRun, scratchFolder, writePlan } from './batch-cli.js';

let server: OParlServer;
beforeAll(async () => {
  server = await startOParlServer();
});
afterAll(() => server.close());

describe('konform batch with a crawl budget in the plan', () => {
  it('runs the OParl target within the plan’s budget: cut off, inconclusive, exit 3', async () => {
    const plan = await writePlan(await scratchFolder(), {
      runs: [{ suite: 'oparl-1.1', target: server.url, profile: 'without-https', crawl: { maxRequests: 30, maxTime: 600, maxPages: 50, sample: 2 } }],
    });
    const { cli, out, index } = await batchRun(plan, ['--rate', '0']);
    expect(cli.code).toBe(3);
    const report = JSON.parse(await readFile(join(out, index.runs[0]?.report?.json ?? ''), 'utf8')) as Report;
    expect(report.crawls?.[0]?.budget).toMatchObject({ maxRequests: 30, maxTimeMs: 600_000, maxPagesPerList: 50, sample: 2 });
    expect(report.crawls?.[0]?.cutOff.map(({ budget }) => budget)).toContain('maxRequests');
  });
});
