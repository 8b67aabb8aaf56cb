/**
 * A conformance run, as one pipeline:
 *   1. load    — the suite, its standard and profile, the target (load-suite.ts, options.ts);
 *   2. plan    — the checks of the profile, with what each needs of the target (plan.ts);
 *   3. execute — subjects found, units run: fetched and validated (execute.ts);
 *   4. judge   — requirement outcomes, counts and verdict by the one outcome rule (src/judge);
 *   5. report  — the canonical report, written when `out` is given (assemble-report.ts).
 * Usage and configuration errors throw KonformError; everything after planning ends in a report.
 */
import { resolve } from 'node:path';
import { TOOL_VERSION } from '../core/package-root.js';
import { createHttpClient } from '../http/client.js';
import { createRedactor, type Redactor } from '../http/redaction.js';
import { judgeRun } from '../judge/run-judgement.js';
import type { Exchange } from '../model/exchange.js';
import type { Report } from '../model/report.js';
import { openJournal, type Journal } from '../report/journal.js';
import { claimOutputFolder } from '../report/output-folder.js';
import { writeReports } from '../report/write-reports.js';
import { assembleReport, type Executed, type Loaded } from './assemble-report.js';
import { createCheckContext } from './context.js';
import { executePlan } from './execute.js';
import { hostsNotFollowed } from './hosts-not-followed.js';
import { redactFindings } from './redact-findings.js';
import { loadSuite } from './load-suite.js';
import { resolveRunOptions, type ResolvedRunOptions, type RunOptions } from './options.js';
import { planRun, selectProfile, type PlannedCheck } from './plan.js';
import { referencedStandards } from './referenced-standards.js';
import { openRunRecording } from './recording.js';
import type { HarRecording } from '../replay/har-writer.js';

async function load(options: RunOptions, resolved: ResolvedRunOptions): Promise<Omit<Loaded, 'referenced'>> {
  const { suite, standard } = await loadSuite(options.suite);
  const { spec } = resolved.target;
  return {
    suite,
    standard,
    profile: selectProfile(suite, options.profile),
    target: { ...resolved.target, ...(spec ? { spec: resolve(spec) } : {}) },
    ...(options.target.spec ? { givenSpec: options.target.spec } : {}),
    ...(options.signer ? { signer: options.signer } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

interface Means {
  resolved: ResolvedRunOptions;
  redactor: Redactor;
  journal: Journal | undefined;
  recording: HarRecording | undefined;
  onResult: RunOptions['onResult'];
}

/** Runs the plan against the target with an HTTP client of the run's own, closed at the end. */
async function execute(loaded: Loaded, plan: PlannedCheck[], means: Means, signal: AbortSignal | undefined): Promise<Executed> {
  const { resolved, redactor, journal } = means;
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  const exchanges: Exchange[] = [];
  const stoppedHosts: Executed['stoppedHosts'] = [];
  const http = createHttpClient({
    allowedHosts: loaded.target.allowedHosts,
    limits: resolved.limits,
    ...(resolved.auth ? { auth: resolved.auth } : {}),
    ...(resolved.tls ? { tls: resolved.tls } : {}),
    redactor,
    record: (exchange) => {
      exchanges.push(exchange);
      journal?.append({ type: 'exchange', exchange });
    },
    signal: controller.signal,
    userAgent: `konform/${TOOL_VERSION}`,
    onHostStopped: (host, reason) => stoppedHosts.push({ host, reason: redactor.redactText(reason) }),
    ...(means.recording ? { recordHops: means.recording.record } : {}),
    ...(resolved.transport ? { hopTransport: resolved.transport } : {}),
    ...(resolved.rateLimiter ? { rateLimiter: resolved.rateLimiter } : {}),
  });
  const { context, crawls, fetchedDocuments, dispose } = createCheckContext({
    target: loaded.target,
    standard: loaded.standard,
    http,
    signal: controller.signal,
    ...(resolved.crawlBudget ? { crawlBudget: resolved.crawlBudget } : {}),
    runSuite: (nested, files) => run({ suite: nested, target: { files }, limits: resolved.limits, signal: controller.signal }),
  });
  const startedAt = new Date();
  journal?.append({ type: 'start', tool: TOOL_VERSION, suite: loaded.suite.id, profile: loaded.profile.id, startedAt: startedAt.toISOString() });
  try {
    const results = await executePlan(plan, context, {
      concurrency: resolved.limits.concurrency,
      onResult: (result, progress) => {
        redactFindings(result, redactor);
        journal?.append({ type: 'result', index: progress.index, result });
        means.onResult?.(result, progress);
      },
    });
    const interrupted = controller.signal.aborted;
    return {
      results,
      exchanges,
      stoppedHosts,
      hostsNotFollowed: hostsNotFollowed(exchanges),
      traffic: http.traffic(),
      crawls,
      fetchedDocuments: fetchedDocuments.map((document) => ({ ...document, url: redactor.redactUrl(document.url) })),
      startedAt,
      finishedAt: new Date(),
      ...(interrupted ? { interruption: String(controller.signal.reason ?? 'aborted') } : {}),
    };
  } finally {
    signal?.removeEventListener('abort', abort);
    await Promise.all([http.close(), dispose()]);
  }
}

export async function run(options: RunOptions): Promise<Report> {
  const resolved = resolveRunOptions(options);
  const suiteAndTarget = await load(options, resolved);
  const plan = planRun(suiteAndTarget.suite, suiteAndTarget.profile, suiteAndTarget.target, options.shard !== undefined);
  const loaded = { ...suiteAndTarget, referenced: await referencedStandards(plan) };

  const redactor = createRedactor(resolved.auth ?? [], resolved.tls);
  if (resolved.out) await claimOutputFolder(resolved.out, resolved.force ?? false);
  const journal = resolved.out ? await openJournal(resolved.out) : undefined;
  const recording = resolved.record && resolved.out ? await openRunRecording(suiteAndTarget, { ...resolved, out: resolved.out }, redactor) : undefined;
  let executed: Executed;
  try {
    executed = await execute(loaded, plan, { resolved, redactor, journal, recording, onResult: options.onResult }, options.signal);
  } catch (error) {
    journal?.close();
    recording?.discard();
    throw error;
  }
  await recording?.close();

  const complete = executed.interruption === undefined;
  const hostUnexamined = executed.stoppedHosts.length > 0 || executed.hostsNotFollowed.length > 0;
  const judgement = judgeRun(loaded.standard, loaded.suite, executed.results, { complete, hostUnexamined });
  const report = await assembleReport(loaded, executed, judgement);
  journal?.append({ type: 'end', complete, verdict: report.verdict, exitCode: report.exitCode });
  journal?.close();
  if (resolved.out) await writeReports(report, resolved.out, resolved.lang ? { render: { lang: resolved.lang } } : {});
  return report;
}
