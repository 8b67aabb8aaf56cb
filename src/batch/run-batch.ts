/**
 * A batch: the runs of a plan (or of one shard of it), at most `parallel` at once, each an
 * ordinary run writing its own folder in the batch's output folder, then index.json and
 * index.html beside those folders. All runs share one rate limiter, so that each host's rate
 * holds across every run that contacts it. Every run is checked before the first starts: an
 * error in the plan (an unknown suite, an unset variable, a bad URL, files that match nothing) stops the batch
 * with its place in the plan; an error a run meets later (a suite's unknown profile, say) is
 * that run's, written in the index (exit code 2), and the other runs go on.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expandInputs } from '../core/inputs.js';
import { makeFolder } from '../core/make-folder.js';
import { TOOL_VERSION } from '../core/package-root.js';
import { itemsOfShard, type Shard } from '../core/shard.js';
import { budgetOfSettings } from '../crawl/budget.js';
import { createRateLimiter } from '../http/rate-limit.js';
import type { AuthConfig, HttpLimits, TlsConfig } from '../http/types.js';
import { ERROR_CODES, isKonformError, KonformError } from '../model/errors.js';
import type { Language } from '../report/i18n/index.js';
import { writeAtomically } from '../report/write-reports.js';
import { resolveRunOptions, type RunOptions } from '../run/options.js';
import { resolveSuiteFile } from '../run/load-suite.js';
import { run } from '../run/run.js';
import { failedRun, ranRun, worstExitCode, type BatchIndex, type BatchRun } from './batch-index.js';
import { renderIndexHtml } from './index-html.js';
import type { BatchPlan, PlannedRun } from './plan.js';

export const INDEX_FILES = { json: 'index.json', html: 'index.html' } as const;

export interface BatchOptions {
  plan: BatchPlan;
  /** The plan file as index.json names it. */
  planShown: string;
  shard: Shard;
  out: string;
  /** Replace an earlier batch's index and its runs' reports in `out`. */
  force: boolean;
  /** Runs at once. */
  parallel: number;
  /** Requests per second per host, over all runs; 0 for no limit. */
  rate: number;
  lang: Language;
  signal?: AbortSignal;
  /** A run's credentials from its plan entry's `auth` (environment variables or files). */
  credentials: (run: PlannedRun) => { auth: AuthConfig[]; tls?: TlsConfig };
  /** Told of each run as it ends, in the order they end. */
  onRun?: (run: BatchRun, done: number, total: number) => void;
}

/** An error of a run's entry, placed at `field` of the entry in the plan. */
async function placed<T>(plan: BatchPlan, run: PlannedRun, field: string, make: () => T | Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    if (!isKonformError(error)) throw error;
    throw new KonformError(error.code, error.message, plan.source.locate(`${run.pointer}/${field}`), { cause: error });
  }
}

function limitsOf(run: PlannedRun, rate: number): Partial<HttpLimits> {
  const { concurrency, timeout, maxResponseBytes, maxRedirects } = run.entry;
  return {
    ratePerHost: rate,
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    ...(maxResponseBytes !== undefined ? { maxResponseBytes } : {}),
    ...(maxRedirects !== undefined ? { maxRedirects } : {}),
  };
}

/** The run options of a planned run, checked as `run` checks them. */
async function runOptionsOf(run: PlannedRun, options: BatchOptions, shared: Pick<RunOptions, 'rateLimiter' | 'signal'>): Promise<RunOptions> {
  const { entry } = run;
  const dir = dirname(options.plan.file);
  await placed(options.plan, run, 'suite', () => resolveSuiteFile(run.suite));
  const files = entry.files && (await placed(options.plan, run, 'files', () => expandInputs(entry.files as string[], dir)));
  const credentials = await placed(options.plan, run, 'auth', () => options.credentials(run));
  const runOptions: RunOptions = {
    suite: run.suite,
    target: {
      ...(entry.target !== undefined ? { url: entry.target } : {}),
      ...(entry.spec !== undefined ? { spec: entry.spec } : {}),
      ...(files ? { files: files.map((file) => resolve(dir, file)) } : {}),
      allowedHosts: entry.allowHosts ?? [],
      ...(entry.allowRefHosts ? { refHosts: entry.allowRefHosts } : {}),
      allowUnsafe: entry.allowUnsafe ?? false,
      ...(entry.parameters ? { parameters: entry.parameters } : {}),
    },
    ...(entry.profile !== undefined ? { profile: entry.profile } : {}),
    limits: limitsOf(run, options.rate),
    ...(entry.crawl ? { crawlBudget: budgetOfSettings(entry.crawl) } : {}),
    ...credentials,
    ...(entry.record ? { record: true } : {}),
    lang: options.lang,
    out: join(options.out, run.folder),
    force: options.force,
    ...shared,
  };
  await placed(options.plan, run, entry.target !== undefined ? 'target' : 'files', () => resolveRunOptions(runOptions));
  return runOptions;
}

/** An earlier batch's index in `out` is refused without `force`, as a run's reports are. */
function claimBatchFolder(out: string, force: boolean): void {
  const earlier = Object.values(INDEX_FILES).filter((file) => existsSync(join(out, file)));
  if (earlier.length > 0 && !force) {
    throw new KonformError(
      ERROR_CODES.USAGE,
      `the output folder ${out} holds an earlier batch (${earlier.join(', ')}): give another --out, or --force to replace it`,
      { file: out },
    );
  }
}

/** Runs `work` on each item, at most `parallel` at once; results in the items' order. */
async function inPool<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return results;
}

export async function runBatch(options: BatchOptions): Promise<BatchIndex> {
  const { plan, shard } = options;
  const selected = itemsOfShard(plan.runs, shard, (planned) => planned.key);
  claimBatchFolder(options.out, options.force);
  const shared = { rateLimiter: createRateLimiter(options.rate), ...(options.signal ? { signal: options.signal } : {}) };
  const prepared: Array<[PlannedRun, RunOptions]> = [];
  for (const planned of selected) prepared.push([planned, await runOptionsOf(planned, options, shared)]);

  await makeFolder(options.out);
  const startedAt = new Date().toISOString();
  let done = 0;
  const runs = await inPool(prepared, options.parallel, async ([planned, runOptions]) => {
    let entry: BatchRun;
    try {
      entry = ranRun(planned, await run(runOptions));
    } catch (error) {
      if (!isKonformError(error)) throw error;
      entry = failedRun(planned, error);
    }
    done += 1;
    options.onRun?.(entry, done, prepared.length);
    return entry;
  });
  const index: BatchIndex = {
    indexVersion: '1.0',
    tool: { name: 'konform', version: TOOL_VERSION },
    plan: { file: options.planShown, sha256: plan.sha256, runs: plan.runs.length },
    shard,
    startedAt,
    finishedAt: new Date().toISOString(),
    exitCode: worstExitCode(runs.map((entry) => entry.exitCode)),
    runs,
  };
  await writeAtomically(join(options.out, INDEX_FILES.json), [`${JSON.stringify(index, null, 2)}\n`]);
  await writeAtomically(join(options.out, INDEX_FILES.html), [renderIndexHtml(index, options.lang)]);
  return index;
}
