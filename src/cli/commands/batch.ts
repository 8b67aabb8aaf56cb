/**
 * `konform batch <plan.yaml>`: the runs of a plan (src/batch), several at once, one folder each,
 * with index.json and index.html over them; the exit code is the worst run's.
 */
import { relative, resolve } from 'node:path';
import type { BatchRun } from '../../batch/batch-index.js';
import { readPlan, type PlanAuth, type PlannedRun } from '../../batch/plan.js';
import { INDEX_FILES, runBatch } from '../../batch/run-batch.js';
import { DEFAULT_LIMITS } from '../../http/types.js';
import { DEFAULT_LANGUAGE, languageFrom } from '../../report/i18n/index.js';
import { resolveAuth, type AuthFlags } from '../auth-options.js';
import type { CliIo } from '../io.js';
import { DEFAULT_PARALLEL, type BatchFlags } from './batch-options.js';
import { wholeNumber } from '../numbers.js';
import { shardFrom } from '../shard-option.js';
import { styleFor } from '../style.js';

/** A plan entry's `auth` as the `--auth-*` flags of `konform run`: the same names, with their prefix. */
function authFlagsOf(auth: PlanAuth = {}): AuthFlags {
  const flags: Record<string, unknown> = { authApikeyIn: 'header' };
  for (const [key, value] of Object.entries(auth)) flags[`auth${key[0]?.toUpperCase()}${key.slice(1)}`] = value;
  return flags as AuthFlags;
}

function printRun(io: CliIo, run: BatchRun, done: number, total: number): void {
  const outcome = run.report ? `${run.report.verdict}${run.report.complete ? '' : ' (run incomplete)'}` : `error: ${run.error?.message ?? ''}`;
  io.stdout.write(`[${done}/${total}] ${run.key} — ${outcome} (exit ${run.exitCode}) → ${run.folder}\n`);
}

export async function batchCommand(planFile: string, flags: BatchFlags, io: CliIo): Promise<number> {
  const lang = languageFrom(flags.lang ?? DEFAULT_LANGUAGE, '--lang');
  const parallel = wholeNumber(flags.parallel, '--parallel', 1, 64) ?? DEFAULT_PARALLEL;
  const rate = wholeNumber(flags.rate, '--rate', 0, 100_000) ?? DEFAULT_LIMITS.ratePerHost;
  const shard = flags.shard === undefined ? { index: 1, total: 1 } : shardFrom(flags.shard, io.env);
  const plan = await readPlan(resolve(io.cwd, planFile));
  const out = resolve(io.cwd, flags.out ?? resolve(io.cwd, 'reports', `batch-${new Date().toISOString().replace(/[:.]/g, '-')}`));
  const index = await runBatch({
    plan,
    planShown: relative(io.cwd, plan.file) || plan.file,
    shard,
    out,
    force: flags.force ?? false,
    parallel,
    rate,
    lang,
    signal: io.signal,
    credentials: (run: PlannedRun) => resolveAuth(authFlagsOf(run.entry.auth), io.env),
    onRun: (run, done, total) => printRun(io, run, done, total),
  });
  const style = styleFor(io.stdout, io.env);
  const shardText = shard.total > 1 ? `shard ${shard.index}/${shard.total}: ` : '';
  io.stdout.write(
    [
      style.bold(`batch: ${shardText}${index.runs.length} of ${plan.runs.length} runs, exit ${index.exitCode}`),
      `index: ${resolve(out, INDEX_FILES.json)}, ${resolve(out, INDEX_FILES.html)}`,
      '',
    ].join('\n'),
  );
  return index.exitCode;
}
