/**
 * Runs against a server split by splitOrigin (split-origin.ts), through the CLI: without
 * `--allow-host` for its other host, with what every such run must show — the other host never
 * contacted, verdict inconclusive (exit 3), a valid report.json naming the host with the flag
 * that would allow it, and so do the top of summary.md and the closing line; and with it, where
 * the server must be conformant as the reference.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { conformantCliRun } from '../helpers/conformant-run.js';
import type { SplitOrigin } from './split-origin.js';

export interface NotFollowedRun {
  split: SplitOrigin;
  cli: CliRun;
  report: Report;
  summary: string;
}

/** `konform <args(split)> --out <out>` without --allow-host, run in a beforeAll of the calling describe; the getter gives its run. */
export function runWithoutAllowHost(start: () => Promise<SplitOrigin>, args: (split: SplitOrigin) => string[], out: string): () => NotFollowedRun {
  let run: NotFollowedRun | undefined;
  beforeAll(async () => {
    const split = await start();
    let cli: CliRun;
    try {
      cli = await runCli([...args(split), '--out', out]);
    } finally {
      await split.close();
    }
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    run = { split, cli, report, summary: await readFile(join(out, 'summary.md'), 'utf8') };
  });
  return () => {
    if (!run) throw new Error('the run has not been made');
    return run;
  };
}

/** `links`: how many URLs of the other host were refused; `example`: the one named. */
export function expectNotFollowed({ split, cli, report, summary }: NotFollowedRun, links: unknown, example: unknown): void {
  expect(split.otherRequests).toBe(0);
  expect(cli.code).toBe(3);
  expect(report.verdict).toBe('inconclusive');
  expect(validateReport(report)).toEqual([]);
  const flag = `--allow-host ${split.otherHost}`;
  expect(report.hostsNotFollowed).toEqual([{ host: split.otherHost, links, example, flag }]);
  expect(summary.split('\n').slice(0, 6).join('\n')).toContain(flag);
  expect(cli.stdout).toContain(flag);
}

/** The same run with --allow-host for the other host: conformant, the other host contacted, none named. */
export async function expectConformantWithAllowHost(start: () => Promise<SplitOrigin>, args: (split: SplitOrigin) => string[], out: string): Promise<void> {
  const split = await start();
  const report = await conformantCliRun([...args(split), '--allow-host', split.otherHost], out, split);
  expect(split.otherRequests).toBeGreaterThan(0);
  expect(report.hostsNotFollowed).toBeUndefined();
}
