/**
 * What the Dredd benchmarks share: a child process timed with its CPU time, and what Dredd's
 * output says (its first error, its closing tally, its reasons for failing transactions).
 */
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { endedChildrenCpuMs, type Finished } from './processes.js';

/** Dredd's first error line, with paths relative to the package. */
export const firstError = (run: Finished) =>
  ((run.stdout + run.stderr).split('\n').find((line) => line.startsWith('error:')) ?? `exit ${run.code}`).replaceAll(`${PACKAGE_ROOT}/`, '');

/** Dredd's closing tally, e.g. `complete: 1 passing, 20 failing, 0 errors, 0 skipped, 21 total`. */
export function dreddTally(output: string): Record<string, number> | undefined {
  const found = /complete: (\d+) passing, (\d+) failing, (\d+) errors, (\d+) skipped, (\d+) total/.exec(output);
  if (!found) return undefined;
  const [passing, failing, errors, skipped, total] = found.slice(1).map(Number);
  return { transactions: total ?? 0, passing: passing ?? 0, failing: failing ?? 0, errors: errors ?? 0, skipped: skipped ?? 0 };
}

/** How often Dredd gave each reason for a failure. */
export function dreddFailureReasons(output: string): Record<string, number> {
  const reasons: Record<string, number> = {};
  for (const line of output.split('\n')) {
    if (!line.startsWith('fail: ') || line.includes(' duration: ')) continue;
    const reason = line.slice('fail: '.length).trim();
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  return reasons;
}

export type Timed = Finished & { cpuMs: number };

/** A finished process with its CPU time; one at a time, so that no other child ends meanwhile. */
export async function timed(run: () => Promise<Finished>): Promise<Timed> {
  const before = await endedChildrenCpuMs();
  const finished = await run();
  return { ...finished, cpuMs: (await endedChildrenCpuMs()) - before };
}
