/**
 * A conformance run: load the suite and its standard, plan the checks of the profile, run
 * them against the target, and assemble the canonical report (written when `out` is given).
 * Usage and configuration errors throw KonformError; everything after planning ends in a report.
 */
import { resolve } from 'node:path';
import { createHttpClient } from '../http/client.js';
import { createRedactor } from '../http/redaction.js';
import type { Exchange } from '../model/exchange.js';
import { summariseDocument } from '../openapi/document-cache.js';
import { openJournal, type Journal } from '../report/journal.js';
import type { CheckInfo, CheckResult, Report } from '../model/report.js';
import { writeReports } from '../report/write-reports.js';
import { createCheckContext } from './context.js';
import { renumberEvidence } from './evidence.js';
import { executePlan } from './execute.js';
import { loadSuite } from './load-suite.js';
import type { Profile, Standard, Suite, Target } from '../model/types.js';
import { resolveRunOptions, type RunOptions } from './options.js';
import { countOutcomes } from '../model/outcome.js';
import { TOOL_VERSION } from '../core/package-root.js';
import { planRun, selectProfile } from './plan.js';
import { requirementResults } from '../judge/requirement-results.js';
import { verdictOf } from '../judge/verdict.js';

/** The declared document as the report names it: the path given, its hash, its own title and version. */
async function describeSpec(given: string, file: string): Promise<NonNullable<Report['target']['spec']>> {
  return { path: given, ...(await summariseDocument(file)) };
}

async function describeTarget(target: Target, givenSpec: string | undefined): Promise<Report['target']> {
  return {
    ...(target.url ? { url: target.url } : {}),
    ...(target.spec && givenSpec ? { spec: await describeSpec(givenSpec, target.spec) } : {}),
    ...(target.files ? { files: target.files } : {}),
    allowedHosts: target.allowedHosts,
  };
}

function suiteAndStandard(suite: Suite, standard: Standard): Pick<Report, 'suite' | 'standard'> {
  return {
    suite: { id: suite.id, version: suite.version, title: suite.title, sha256: suite.sha256 },
    standard: {
      id: standard.id,
      version: standard.version,
      title: standard.title,
      manifestSha256: standard.manifestSha256,
      artifacts: standard.artifacts.map(({ path, sha256: hash }) => ({ path, sha256: hash })),
    },
  };
}

function checksOf(suite: Suite, profile: Profile): CheckInfo[] {
  return suite.classes
    .filter((cls) => profile.classes.includes(cls.id))
    .flatMap((cls) => cls.checks)
    .map(({ id, kind, class: cls, title, severity, verifies }) => ({ id, kind, class: cls, title, severity, requirements: verifies }));
}

export async function run(options: RunOptions): Promise<Report> {
  const resolved = resolveRunOptions(options);
  const { suite, standard } = await loadSuite(options.suite);
  const profile = selectProfile(suite, options.profile);
  const target = { ...resolved.target, ...(resolved.target.spec ? { spec: resolve(resolved.target.spec) } : {}) };
  const redactor = createRedactor(resolved.auth ?? [], resolved.tls);
  const scrub = (text: string) => redactor.redactText(text);
  const controller = new AbortController();
  const abort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) abort();
  options.signal?.addEventListener('abort', abort, { once: true });

  const journal: Journal | undefined = resolved.out ? await openJournal(resolved.out, { scrub }) : undefined;
  const exchanges: Exchange[] = [];
  const stoppedHosts: NonNullable<Report['stoppedHosts']> = [];
  const http = createHttpClient({
    allowedHosts: target.allowedHosts,
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
    onHostStopped: (host, reason) => stoppedHosts.push({ host, reason }),
  });
  const { context, dispose } = createCheckContext({
    target,
    standard,
    http,
    signal: controller.signal,
    runSuite: (nested, files) => run({ suite: nested, target: { files }, limits: resolved.limits, signal: controller.signal }),
  });

  const startedAt = new Date();
  journal?.append({ type: 'start', tool: TOOL_VERSION, suite: suite.id, profile: profile.id, startedAt: startedAt.toISOString() });
  let planned: CheckResult[];
  try {
    const units = await planRun(suite, profile, context);
    let done = 0;
    planned = await executePlan(units, context, {
      concurrency: resolved.limits.concurrency,
      onResult: (result, index) => {
        done += 1;
        journal?.append({ type: 'result', index, result });
        options.onResult?.(result, { done, total: units.length });
      },
    });
  } catch (error) {
    journal?.close();
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await Promise.all([http.close(), dispose()]);
  }
  const finishedAt = new Date();
  const complete = !controller.signal.aborted;
  const { results, exchanges: evidence } = renumberEvidence(planned, exchanges);
  const { verdict, exitCode } = verdictOf(results, complete, stoppedHosts.length > 0);
  const report: Report = {
    reportVersion: '1.0',
    tool: { name: 'konform', version: TOOL_VERSION },
    ...suiteAndStandard(suite, standard),
    target: await describeTarget(target, options.target.spec),
    profile: { id: profile.id, title: profile.title, classes: profile.classes },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    complete,
    ...(complete ? {} : { interruption: String(controller.signal.reason ?? 'aborted') }),
    ...(stoppedHosts.length > 0 ? { stoppedHosts } : {}),
    verdict,
    exitCode,
    counts: countOutcomes(results.map((result) => result.outcome)),
    checks: checksOf(suite, profile),
    results,
    requirements: requirementResults(standard, suite, results),
    exchanges: evidence,
  };
  journal?.append({ type: 'end', complete, verdict, exitCode });
  journal?.close();
  if (resolved.out) await writeReports(report, resolved.out, redactor.longestSecretBytes > 0 ? { scrub } : {});
  return report;
}
