/**
 * index.json of a batch (schema: index.schema.json): every run of the shard with its verdict,
 * counts and the reports in its folder, or the error that kept it from a report. index.html
 * is rendered from it alone.
 */
import type { Shard } from '../core/shard.js';
import { failuresByLevel, type FailureLevel } from '../judge/judgement.js';
import type { KonformError } from '../model/errors.js';
import type { OutcomeCounts } from '../model/outcome.js';
import type { Report, Verdict } from '../model/report.js';
import type { PlannedRun } from './plan.js';

export type BatchExitCode = 0 | 1 | 2 | 3;

export interface BatchRun {
  /** `<suite> <subject>`, as the plan gives them: the run's key in the shard partition. */
  key: string;
  /** The suite as the plan names it. */
  suite: string;
  /** The target URL, or the message files as the plan gives them. */
  subject: string;
  /** The run's folder, relative to the batch's output folder. */
  folder: string;
  exitCode: BatchExitCode;
  /** Present when the run wrote its reports. */
  report?: {
    suite: { id: string; version: string };
    standard: { id: string; version: string };
    profile: string;
    verdict: Verdict;
    complete: boolean;
    counts: OutcomeCounts;
    /** Failed checks by the level of the requirement they verify (judge/judgement.ts). */
    failed: Record<FailureLevel, number>;
    /** Paths relative to the batch's output folder. */
    json: string;
    html: string;
  };
  /** Present when a usage or configuration error kept the run from a report (exit code 2). */
  error?: { code: string; message: string };
}

export interface BatchIndex {
  indexVersion: '1.0';
  tool: { name: 'konform'; version: string };
  plan: { file: string; sha256: string; runs: number };
  /** The shard of the plan's runs this batch ran (1/1: all of them). */
  shard: Shard;
  startedAt: string;
  finishedAt: string;
  /** The worst of the runs' exit codes (worstExitCode). */
  exitCode: BatchExitCode;
  /** The shard's runs, in the plan's order. */
  runs: BatchRun[];
}

/** Worst first: a run konform could not start, a failed target, an undecided one, a conformant one. */
const EXIT_PRECEDENCE: readonly BatchExitCode[] = [2, 1, 3, 0];

/** The exit code of a batch: its worst run's; 0 for a shard with no run. */
export function worstExitCode(codes: Iterable<BatchExitCode>): BatchExitCode {
  let worst: BatchExitCode = 0;
  for (const code of codes) if (EXIT_PRECEDENCE.indexOf(code) < EXIT_PRECEDENCE.indexOf(worst)) worst = code;
  return worst;
}

function identity({ key, suiteName, subject, folder }: PlannedRun): Pick<BatchRun, 'key' | 'suite' | 'subject' | 'folder'> {
  return { key, suite: suiteName, subject, folder };
}

export function ranRun(run: PlannedRun, report: Report): BatchRun {
  return {
    ...identity(run),
    exitCode: report.exitCode,
    report: {
      suite: { id: report.suite.id, version: report.suite.version },
      standard: { id: report.standard.id, version: report.standard.version },
      profile: report.profile.id,
      verdict: report.verdict,
      complete: report.complete,
      counts: report.counts,
      failed: failuresByLevel(report.results),
      json: `${run.folder}/report.json`,
      html: `${run.folder}/report.html`,
    },
  };
}

export function failedRun(run: PlannedRun, error: KonformError): BatchRun {
  return { ...identity(run), exitCode: 2, error: { code: error.code, message: error.describe() } };
}
