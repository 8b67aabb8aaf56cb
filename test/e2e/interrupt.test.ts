/**
 * An interrupted run still writes its report, says `complete: false` and exits 3; a killed
 * run leaves its journal with every result settled before the kill.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { readJournal } from '../../src/report/journal.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli } from '../helpers/cli.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const scratch = await mkdtemp(join(tmpdir(), 'konform-interrupt-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function resultsInJournal(out: string): Promise<number> {
  const file = join(out, 'journal.jsonl');
  if (!existsSync(file)) return 0;
  return (await readJournal(file)).filter((entry) => (entry as { type?: string }).type === 'result').length;
}

/** Starts a slow run (2 requests per second) and sends `signal` once two results are journalled. */
async function interruptedRun(out: string, signal: NodeJS.Signals) {
  const server = await startPegelServer();
  let pid = 0;
  const args = ['run', 'openapi-contract', '--target', server.url, '--spec', SPEC, '--out', out, '--rate', '2', '--concurrency', '2'];
  const finished = runCli(args, { onStart: (started) => (pid = started) });
  try {
    while ((await resultsInJournal(out)) < 2) await sleep(50);
    process.kill(pid, signal);
    return await finished;
  } finally {
    await server.close();
  }
}

describe('an interrupted run', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`writes its report with complete: false and exits 3 on ${signal}`, async () => {
      const out = join(scratch, signal);
      const cli = await interruptedRun(out, signal);
      expect(cli.code).toBe(3);
      const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
      expect(validateReport(report)).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.interruption).toBe(signal);
      expect(report.verdict).toBe('inconclusive');
      expect(report.counts.untested).toBeGreaterThan(0);
      expect(report.results.find((result) => result.outcome === 'untested')?.findings[0]?.code).toBe('not-run');
      expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain('run did not complete');
    });
  }

  it('leaves a journal with the settled results when killed outright', async () => {
    const out = join(scratch, 'SIGKILL');
    const cli = await interruptedRun(out, 'SIGKILL');
    expect(cli.signal).toBe('SIGKILL');
    expect(existsSync(join(out, 'report.json'))).toBe(false);
    const entries = (await readJournal(join(out, 'journal.jsonl'))) as Array<{ type: string }>;
    expect(entries[0]?.type).toBe('start');
    expect(entries.filter((entry) => entry.type === 'result').length).toBeGreaterThanOrEqual(2);
    expect(entries.some((entry) => entry.type === 'exchange')).toBe(true);
  });
});
