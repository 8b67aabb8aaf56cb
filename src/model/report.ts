/**
 * The canonical report: one JSON document (schema: report.schema.json) from which every
 * other format is rendered. Reporters receive it read-only.
 */
import type { Severity, Finding, Level } from './types.js';
import type { Outcome, OutcomeCounts } from './outcome.js';
import type { Exchange } from './exchange.js';

export type Verdict = 'conformant' | 'notConformant' | 'inconclusive';

/** A check of the run as its suite declares it; results refer to it by `check`. */
export interface CheckInfo {
  id: string;
  kind: string;
  class: string;
  title: string;
  severity: Severity;
  /** The requirement IDs the check verifies. */
  requirements: string[];
}

export interface CheckResult {
  /** `<check id>` or `<check id>/<subject id>`; unique in the report. */
  id: string;
  check: string;
  kind: string;
  class: string;
  title: string;
  subject?: { id: string; title: string };
  severity: Severity;
  outcome: Outcome;
  durationMs: number;
  findings: Finding[];
  evidence: string[];
  /** The rules this result decides, where fewer than the check verifies (CheckOutput.rules). */
  rules?: string[];
}

export interface RequirementResult {
  id: string;
  class: string;
  level: Level;
  /** The text in the language of the standard's catalogue. */
  text: string;
  /** BCP 47 tag of the language of `text` and `notTestable`; older reports lack it, the language is then not known. */
  textLanguage?: string;
  /** The catalogue's own translations of `text`, by BCP 47 tag. */
  translations?: Readonly<Record<string, string>>;
  clause: string;
  outcome: Outcome;
  checks: string[];
  notTestable?: string;
}

/** A standard as the report pins it: its manifest's and every artifact's sha256. */
export interface PinnedStandard {
  id: string;
  version: string;
  title: string;
  manifestSha256: string;
  artifacts: Array<{ path: string; sha256: string }>;
}

/** The shard a run judged (src/core/shard.ts): `index` of `total` (from 1), with `items` of the files. */
export interface ShardOfRun {
  index: number;
  total: number;
  items: number;
}

/** A document konform fetched to resolve a reference (`--allow-ref-host`): its URL, the sha256 and size of its body as received. */
export interface FetchedDocument {
  url: string;
  sha256: string;
  bytes: number;
}

/** The key that signs the output folder (attestation.json), as known before the reports are written. */
export interface Signer {
  /** The sha256 of the public key's SubjectPublicKeyInfo (DER), lowercase hex: the DSSE keyid. */
  keyid: string;
  algorithm: 'ed25519';
}

/**
 * The requests of a run to one host (http/traffic.ts): how fast they went and how often the host
 * asked konform to slow down. Rates in requests per second.
 */
export interface HostTraffic {
  /** host[:port], never a URL. */
  host: string;
  /** Requests sent to the host, every retry and redirect hop included. */
  requests: number;
  /** From the start of the first request to the start of the last. */
  durationMs: number;
  /** (requests − 1) / duration: the rate the requests started at; absent below two requests. */
  effectiveRate?: number;
  /** The per-host rate of the run's limits; 0 for no limit. */
  configuredRate: number;
  /** The lowest rate the host was held to after answers 429 or 503; absent where it never was lowered. */
  lowestRate?: number;
  /** Answers 429 or 503. */
  throttled: number;
  /** Requests asked again after a wait (Retry-After or backoff). */
  backoffs: number;
  /** Those waits, summed. */
  waitedMs: number;
}

/** What a crawl of a hypermedia API (OParl) read, fetched again at objects' own URLs, and could not reach. */
export interface CrawlSummary {
  entry: string;
  /** The crawl's budget: the suite's, with the command line's flags on top. */
  budget: { maxRequests: number; maxDepth: number; maxPagesPerList: number; maxTimeMs: number; sample: number | 'all' };
  requests: number;
  durationMs: number;
  /** Lists reached, those read to their last page, and their pages read. */
  lists: { reached: number; complete: number; pages: number };
  /** Objects bodies gave with a URL of their own (judged there), and how many of them were fetched at that URL too. */
  objects: { given: number; fetchedAgain: number };
  /** What a budget (or the run's end) kept from being fetched, per budget: how many URLs, one of them, and the flag that raises the budget. */
  cutOff: Array<{ budget: string; urls: number; example: string; flag?: string }>;
  /** Why the crawl ended at its entry (a server of another version, say). */
  stopped?: string;
}

export interface Report {
  reportVersion: '1.0';
  tool: { name: 'konform'; version: string };
  /** Present when the run's output folder is signed. */
  signer?: Signer;
  suite: { id: string; version: string; title: string; sha256: string };
  standard: PinnedStandard;
  /** Other standards the run's checks judged by (the GeoJSON schema of OParl and OGC checks, say). */
  referencedStandards?: PinnedStandard[];
  target: {
    url?: string;
    spec?: { path: string; sha256: string; title?: string; version?: string; openapi?: string };
    files?: string[];
    allowedHosts: string[];
    /** Documents fetched to resolve the references of a document the target serves, in the order fetched. */
    fetchedDocuments?: FetchedDocument[];
  };
  profile: { id: string; title: string; classes: string[] };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  complete: boolean;
  /** Why the run did not complete (a signal name, an error). */
  interruption?: string;
  /** Present when the run judged one shard of its message files (`--shard`); `konform merge` joins the shards into one report. */
  shard?: ShardOfRun;
  /** Hosts konform sent no more requests to because they stopped answering (http/circuit-breaker.ts). */
  stoppedHosts?: Array<{ host: string; reason: string }>;
  /**
   * Hosts of links konform was not allowed to follow (neither the target's host and port nor
   * given with --allow-host), with how many URLs on each were refused, one of them, and the flag
   * that would allow the host (none where no flag would). What lay behind them was not examined.
   */
  hostsNotFollowed?: Array<{ host: string; links: number; example: string; flag?: string }>;
  /** The crawls of the run (OParl suites): what they read and what a budget cut off. */
  crawls?: CrawlSummary[];
  /** The requests to each host contacted, in the order first contacted. */
  traffic?: { hosts: HostTraffic[] };
  verdict: Verdict;
  exitCode: 0 | 1 | 3;
  counts: OutcomeCounts;
  /** The checks of the profile, with the requirements each verifies. */
  checks: CheckInfo[];
  results: CheckResult[];
  requirements: RequirementResult[];
  exchanges: Exchange[];
}
