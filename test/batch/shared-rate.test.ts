/**
 * Runs of one batch against the same host share its rate: two runs at once against one server
 * start their requests, together, no faster than `--rate` allows one run alone.
 */
import { readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import type { Report } from '../../src/model/report.js';
import { batchRun, PEGEL_SPEC, scratchFolder, writePlan } from './batch-cli.js';

const RATE = 10;
const scratch = await scratchFolder();
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('konform batch against one host', () => {
  it('keeps the per-host rate over all runs', async () => {
    const arrivals: number[] = [];
    const server = await startPegelServer({ mutation: { reply: (reply) => (arrivals.push(performance.now()), reply) } });
    try {
      const spec = relative(scratch, PEGEL_SPEC);
      // Two runs, two targets on one host: the API's base path, written with and without its trailing slash.
      const plan = await writePlan(scratch, { runs: [{ suite: 'openapi-contract', target: server.url, spec }, { suite: 'openapi-contract', target: `${server.url}/`, spec }] });
      const { cli, out, index } = await batchRun(plan, ['--rate', String(RATE), '--parallel', '2']);
      expect(cli.code).toBe(0);
      expect(index.runs.map((run) => run.report?.verdict)).toEqual(['conformant', 'conformant']);
      // The runs went at the same time.
      const [first, second] = await Promise.all(index.runs.map(async (run) => JSON.parse(await readFile(join(out, run.report?.json ?? ''), 'utf8')) as Report));
      expect(Date.parse(second?.startedAt ?? '')).toBeLessThan(Date.parse(first?.finishedAt ?? ''));
      expect(Date.parse(first?.startedAt ?? '')).toBeLessThan(Date.parse(second?.finishedAt ?? ''));
    } finally {
      await server.close();
    }
    // Requests start at least 1/RATE s apart over both runs: n requests take at least (n - 1)/RATE s
    // (less a tenth for the loopback's jitter). Each run's own limiter would allow twice the rate.
    const span = (arrivals.at(-1) as number) - (arrivals[0] as number);
    expect(arrivals.length).toBeGreaterThan(20);
    expect(span).toBeGreaterThanOrEqual(((arrivals.length - 1) * 1000 * 0.9) / RATE);
  });
});
