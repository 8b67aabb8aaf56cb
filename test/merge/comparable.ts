/** What a sharded run and its merge must share with the run over all files: everything judged, nothing timed. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '../../src/model/report.js';

/** The message files the merge tests validate: KoSIT's test suite (accepted) and CEN's examples (some rejected). */
export const INPUTS = ['fixtures/xrechnung/instances/testsuite-2026-01-31', 'fixtures/xrechnung/instances/cen-en16931-examples'];

export async function reportIn(folder: string): Promise<Report> {
  return JSON.parse(await readFile(join(folder, 'report.json'), 'utf8')) as Report;
}

/** The judgement of a run: results (their durations aside), requirements, counts, verdict and files. */
export function judged(report: Report) {
  return {
    results: report.results.map((result) => ({ ...result, durationMs: 0 })),
    requirements: report.requirements,
    counts: report.counts,
    verdict: report.verdict,
    exitCode: report.exitCode,
    complete: report.complete,
    files: report.target.files,
    checks: report.checks,
  };
}
