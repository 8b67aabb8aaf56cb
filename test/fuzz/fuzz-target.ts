/**
 * The fuzzing server as the target of a run: each case sets its answers, runs a suite against
 * it with small limits (each case is quick) and `out`, and checks the run ends within a guard
 * far above its deadlines and writes valid outputs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFuzzServer, type FuzzAnswer, type FuzzServer } from '../../fixtures/fuzz/server.js';
import type { Report } from '../../src/model/report.js';
import type { RunOptions } from '../../src/run/options.js';
import { run } from '../../src/run/run.js';
import { expectValidOutputs, withinGuard } from './properties.js';

/**
 * Retry-After pauses are not generated (http-answers.ts), and a 429 or 503 without one is asked
 * again after 10 ms and 20 ms: no request waits for more than its 300 ms. Every huge answer is over the size limit, which is large enough that keeping what
 * was cut would show in the memory bound.
 */
export const FUZZ_LIMITS = { timeoutMs: 300, maxResponseBytes: 2 ** 20, ratePerHost: 0, backoffMs: 10 };
/** Far above what a few dozen requests of 300 ms each can take. */
export const GUARD_MS = 60_000;

export interface FuzzTarget {
  server: FuzzServer;
  /** Runs `suite` against the server answering with `answers`, with FUZZ_LIMITS or the `limits` given. */
  run(answers: readonly FuzzAnswer[], options: Pick<RunOptions, 'suite' | 'profile' | 'limits'> & { spec?: string }): Promise<Report>;
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const server = await startFuzzServer();
  const scratch = await mkdtemp(join(tmpdir(), 'konform-fuzz-http-'));
  let cases = 0;
  return {
    server,
    async run(answers, { suite, profile, spec, limits }) {
      server.answerWith(answers);
      const out = join(scratch, `case-${(cases += 1)}`);
      const target = { url: `${server.url}/`, ...(spec ? { spec } : {}) };
      try {
        const report = await withinGuard(`konform run ${suite}`, GUARD_MS, run({ suite, ...(profile ? { profile } : {}), target, limits: { ...FUZZ_LIMITS, ...limits }, out }));
        await expectValidOutputs(report, out);
        return report;
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    },
    async close() {
      await server.close();
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
