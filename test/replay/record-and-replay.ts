/**
 * Records a run through the CLI (`konform run … --record`), stops the server, and judges it
 * again with `konform replay`: the proof that a replay gives the recorded run's `results` and
 * `requirements`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli } from '../helpers/cli.js';

export async function readReport(out: string): Promise<Report> {
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(validateReport(report)).toEqual([]);
  return report;
}

/**
 * What a replay must reproduce: `results` and `requirements`, without what is inherently per
 * run — the time a result took (`durationMs`), which nothing judges by.
 */
export function judged(report: Report): Pick<Report, 'results' | 'requirements'> {
  return {
    results: report.results.map(({ durationMs: _durationMs, ...result }) => result) as Report['results'],
    requirements: report.requirements,
  };
}

/** `konform run <args> --record --out <out>`, the server closed after it; returns the report. */
export async function recordRun(args: string[], out: string, server: { close(): Promise<void> }): Promise<Report> {
  try {
    const cli = await runCli(['run', ...args, '--record', '--out', out]);
    const report = await readReport(out);
    expect(cli.code, cli.stderr).toBe(report.exitCode);
    return report;
  } finally {
    await server.close();
  }
}

/** `konform replay <source> --out <out> [args]`; returns the report and the exit code. */
export async function replay(source: string, out: string, args: string[] = []): Promise<{ report: Report; code: number | null; stderr: string }> {
  const cli = await runCli(['replay', source, '--out', out, ...args]);
  const report = await readReport(out);
  expect(cli.code, cli.stderr).toBe(report.exitCode);
  return { report, code: cli.code, stderr: cli.stderr };
}
