/** A CLI run against a reference server that must come out conformant, with a valid report. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli } from './cli.js';

/**
 * Runs `konform <args> --out <out>`, closes the server after it, and expects a conformant
 * verdict and a schema-valid report.json with nothing failed, undecided or untested; returns
 * the report.
 */
export async function conformantCliRun(args: string[], out: string, server: { close(): Promise<void> }): Promise<Report> {
  try {
    const cli = await runCli([...args, '--out', out]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain('verdict: conformant');
  } finally {
    await server.close();
  }
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(validateReport(report)).toEqual([]);
  expect(report.counts.failed + report.counts.cantTell + report.counts.untested).toBe(0);
  return report;
}
