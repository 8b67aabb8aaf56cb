/**
 * Step 5 of a run: the canonical report, assembled from what was loaded, what the execution
 * recorded and the judgement. Exchanges are listed in the order the results cite them.
 */
import { summariseDocument } from '../openapi/document-cache.js';
import type { RunJudgement } from '../judge/run-judgement.js';
import type { Exchange } from '../model/exchange.js';
import type { CheckInfo, CheckResult, CrawlSummary, FetchedDocument, HostTraffic, Report, ShardOfRun, Signer } from '../model/report.js';
import type { Profile, Standard, Suite, Target } from '../model/types.js';
import { TOOL_VERSION } from '../core/package-root.js';
import { orderExchanges } from './evidence.js';
import { pinnedStandard } from './referenced-standards.js';

export interface Loaded {
  suite: Suite;
  standard: Standard;
  profile: Profile;
  target: Target;
  /** The declared document's path as the user gave it. */
  givenSpec?: string;
  /** Standards beside the suite's that the planned checks judge by. */
  referenced: Standard[];
  /** The key that will sign the output folder. */
  signer?: Signer;
  /** The shard of the files the run judges. */
  shard?: ShardOfRun;
}

export interface Executed {
  results: CheckResult[];
  exchanges: readonly Exchange[];
  stoppedHosts: NonNullable<Report['stoppedHosts']>;
  hostsNotFollowed: NonNullable<Report['hostsNotFollowed']>;
  /** The requests to each host contacted (http/traffic.ts). */
  traffic?: HostTraffic[];
  /** What the run's crawls read and cut off. */
  crawls?: readonly CrawlSummary[];
  /** Documents fetched to resolve references (`--allow-ref-host`). */
  fetchedDocuments?: readonly FetchedDocument[];
  startedAt: Date;
  finishedAt: Date;
  /** Why the run ended early; absent when it completed. */
  interruption?: string;
}

/** The declared document as the report names it: the path given, its hash, its own title and version. */
async function describeTarget(target: Target, givenSpec: string | undefined, fetched: readonly FetchedDocument[] = []): Promise<Report['target']> {
  return {
    ...(target.url ? { url: target.url } : {}),
    ...(target.spec && givenSpec ? { spec: { path: givenSpec, ...(await summariseDocument(target.spec)) } } : {}),
    ...(target.files ? { files: target.files } : {}),
    allowedHosts: target.allowedHosts,
    ...(fetched.length > 0 ? { fetchedDocuments: [...fetched] } : {}),
  };
}

function suiteAndStandards(loaded: Loaded): Pick<Report, 'suite' | 'standard' | 'referencedStandards'> {
  const { suite, standard, referenced } = loaded;
  return {
    suite: { id: suite.id, version: suite.version, title: suite.title, sha256: suite.sha256 },
    standard: pinnedStandard(standard),
    ...(referenced.length > 0 ? { referencedStandards: referenced.map(pinnedStandard) } : {}),
  };
}

function checksOf(suite: Suite, profile: Profile): CheckInfo[] {
  return suite.classes
    .filter((cls) => profile.classes.includes(cls.id))
    .flatMap((cls) => cls.checks)
    .map(({ id, kind, class: cls, title, severity, verifies }) => ({ id, kind, class: cls, title, severity, requirements: verifies }));
}

export async function assembleReport(loaded: Loaded, executed: Executed, judgement: RunJudgement): Promise<Report> {
  const { suite, profile } = loaded;
  const { results } = executed;
  const exchanges = orderExchanges(results, executed.exchanges);
  return {
    reportVersion: '1.0',
    tool: { name: 'konform', version: TOOL_VERSION },
    ...(loaded.signer ? { signer: loaded.signer } : {}),
    ...suiteAndStandards(loaded),
    target: await describeTarget(loaded.target, loaded.givenSpec, executed.fetchedDocuments),
    profile: { id: profile.id, title: profile.title, classes: profile.classes },
    startedAt: executed.startedAt.toISOString(),
    finishedAt: executed.finishedAt.toISOString(),
    durationMs: executed.finishedAt.getTime() - executed.startedAt.getTime(),
    complete: executed.interruption === undefined,
    ...(executed.interruption === undefined ? {} : { interruption: executed.interruption }),
    ...(loaded.shard ? { shard: loaded.shard } : {}),
    ...(executed.stoppedHosts.length > 0 ? { stoppedHosts: executed.stoppedHosts } : {}),
    ...(executed.hostsNotFollowed.length > 0 ? { hostsNotFollowed: executed.hostsNotFollowed } : {}),
    ...(executed.crawls?.length ? { crawls: [...executed.crawls] } : {}),
    ...(executed.traffic?.length ? { traffic: { hosts: executed.traffic } } : {}),
    verdict: judgement.verdict,
    exitCode: judgement.exitCode,
    counts: judgement.counts,
    checks: checksOf(suite, profile),
    results,
    requirements: judgement.requirements,
    exchanges,
  };
}
