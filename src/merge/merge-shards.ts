/**
 * One report from the shards of a run (check-shards.ts), as the run over all files would have
 * written it: every shard's results in the run's order — by check as the suite orders them,
 * then by file as `konform validate` orders the files — and the requirements, counts and
 * verdict judged again from them by the run's own rule (src/judge). A shard that did not
 * complete leaves the merged run incomplete, and so never conformant.
 */
import { resolve } from 'node:path';
import { judgeRun } from '../judge/run-judgement.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Exchange } from '../model/exchange.js';
import type { CheckResult, Report, Signer } from '../model/report.js';
import type { Standard, Suite } from '../model/types.js';
import { orderExchanges } from '../run/evidence.js';
import type { Shard } from './check-shards.js';

export interface MergeContext {
  /** The suite and standard the shards were judged by, loaded again (their hashes checked by the caller). */
  suite: Suite;
  standard: Standard;
  /** The folder `konform validate` ran in: files are ordered by their full path, as it orders them. */
  cwd: string;
  signer?: Signer;
}

/** The files of all shards, in the order of the run over all of them (core/inputs.ts). */
function filesInRunOrder(shards: readonly Shard[], cwd: string): string[] {
  const files = shards.flatMap(({ report }) => report.target.files ?? []);
  const fullPath = new Map(files.map((file) => [file, resolve(cwd, file)]));
  return files.sort((a, b) => {
    const [x, y] = [fullPath.get(a) as string, fullPath.get(b) as string];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The results of the shards that held files (a shard without one has only its checks'
 * "nothing to apply to"), in plan order: by check, then by the file that is its subject.
 */
function resultsInRunOrder(shards: readonly Shard[], checks: readonly string[], files: readonly string[]): CheckResult[] {
  const holding = shards.filter(({ shard }) => shard.items > 0);
  const results = (holding.length > 0 ? holding : shards.slice(0, 1)).flatMap(({ report }) => report.results);
  const seen = new Set<string>();
  for (const { id } of results) {
    if (seen.has(id)) {
      throw new KonformError(ERROR_CODES.USAGE, `konform merge: the result ${id} is in more than one shard: its check runs once per run, not per file, and cannot be split into shards`);
    }
    seen.add(id);
  }
  const checkRank = new Map(checks.map((id, index) => [id, index]));
  const fileRank = new Map(files.map((file, index) => [file, index]));
  const rank = (result: CheckResult): [number, number] => [
    checkRank.get(result.check) ?? checks.length,
    result.subject === undefined ? -1 : (fileRank.get(result.subject.id) ?? files.length),
  ];
  return results
    .map((result) => ({ result, rank: rank(result) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1])
    .map(({ result }) => result);
}

/** Each exchange once: an exchange's ID is derived from its request, the same in every shard. */
function exchangesOf(shards: readonly Shard[]): Exchange[] {
  return [...new Map(shards.flatMap(({ report }) => report.exchanges).map((exchange) => [exchange.id, exchange])).values()];
}

function interruptionOf(shards: readonly Shard[]): string | undefined {
  const incomplete = shards.filter(({ report }) => !report.complete);
  if (incomplete.length === 0) return undefined;
  return incomplete.map(({ report, shard }) => `shard ${shard.index}/${shard.total} did not complete${report.interruption ? ` (${report.interruption})` : ''}`).join('; ');
}

export function mergeShards(shards: readonly Shard[], context: MergeContext): Report {
  const first = (shards[0] as Shard).report;
  const files = filesInRunOrder(shards, context.cwd);
  const results = resultsInRunOrder(shards, first.checks.map(({ id }) => id), files);
  const stoppedHosts = shards.flatMap(({ report }) => report.stoppedHosts ?? []);
  const hostsNotFollowed = shards.flatMap(({ report }) => report.hostsNotFollowed ?? []);
  const interruption = interruptionOf(shards);
  const complete = interruption === undefined;
  const judgement = judgeRun(context.standard, context.suite, results, {
    complete,
    hostUnexamined: stoppedHosts.length > 0 || hostsNotFollowed.length > 0,
  });
  const startedAt = shards.map(({ report }) => report.startedAt).sort()[0] as string;
  const finishedAt = shards.map(({ report }) => report.finishedAt).sort().at(-1) as string;
  // What every shard shares (check-shards.ts) is taken from the first; what a shard measured of its own is not.
  return {
    reportVersion: first.reportVersion,
    tool: first.tool,
    ...(context.signer ? { signer: context.signer } : {}),
    suite: first.suite,
    standard: first.standard,
    ...(first.referencedStandards ? { referencedStandards: first.referencedStandards } : {}),
    target: { files, allowedHosts: first.target.allowedHosts },
    profile: first.profile,
    startedAt,
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    complete,
    ...(interruption === undefined ? {} : { interruption }),
    ...(stoppedHosts.length > 0 ? { stoppedHosts } : {}),
    ...(hostsNotFollowed.length > 0 ? { hostsNotFollowed } : {}),
    verdict: judgement.verdict,
    exitCode: judgement.exitCode,
    counts: judgement.counts,
    checks: first.checks,
    results,
    requirements: judgement.requirements,
    exchanges: orderExchanges(results, exchangesOf(shards)),
  };
}
