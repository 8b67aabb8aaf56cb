/**
 * The texts of the reports for people (report.html, summary.md), one catalogue per language
 * (de.ts, en.ts) with exactly these keys. Texts are plain: no markup of any format, so that every
 * format can use them as they are; values that need markup (IDs as code, links) are given to the
 * functions already rendered by the format. Requirement texts are not here: they stay in the
 * language of the standard's catalogue, with its own translations (requirement-text.ts).
 */
import type { Level } from '../../model/types.js';
import type { Outcome } from '../../model/outcome.js';
import type { Verdict } from '../../model/report.js';
import type { LocationPart } from '../describe-finding.js';
import type { FindingSection, PlaceKind } from '../finding-groups.js';

/** What the verdict sentence says, the values already rendered by the format. */
export interface VerdictFacts {
  standard: string;
  profile: string;
  /** Failed MUST requirements (report.html, summary.md: the first section). */
  failedRequirements: number;
  /** Why the run is inconclusive, as sentences of `causes`. */
  causes: string[];
}

export interface Messages {
  reportTitle: string;
  verdict: Record<Verdict, string>;
  verdictSentence: Record<Verdict, (facts: VerdictFacts) => string>;
  causes: {
    interrupted: (by: string | undefined) => string;
    hostUnexamined: (hosts: string) => string;
    undecided: (checks: number) => string;
    nothingExamined: string;
  };
  notices: {
    incomplete: (by: string | undefined) => string;
    hostStopped: (reason: string) => string;
    notFollowed: (host: string, links: number, example: string, flag: string | undefined) => string;
    /** The crawl ended at its entry (report.json `crawls[].stopped`): the reason as the crawl gives it. */
    crawlStopped: (reason: string) => string;
    /** URLs a crawl budget kept from being fetched (report.json `crawls[].cutOff`), with the flag that raises it. */
    crawlCutOff: (urls: number, budget: string, example: string, flag: string | undefined) => string;
  };
  /** The budgets of a crawl (src/crawl/types.ts `CutOff.budget`), as the notices name them. */
  budgets: Record<'maxRequests' | 'maxTimeMs' | 'maxPagesPerList' | 'maxDepth' | 'aborted' | 'stopped', string>;
  outcome: Record<Outcome, string>;
  level: Record<Level, string>;
  facts: {
    overview: string;
    verdict: string;
    exitCode: (code: number) => string;
    subject: string;
    files: (count: number) => string;
    allFiles: (count: number) => string;
    spec: string;
    /** A document fetched to resolve a reference of what the target serves (--allow-ref-host). */
    fetchedDocument: string;
    suite: string;
    standard: string;
    alsoJudgedBy: string;
    manifestSha256: string;
    profile: string;
    classes: string;
    date: string;
    duration: (seconds: number) => string;
    tool: string;
    complete: string;
    shard: string;
    /** A run of one shard of the files (--shard): its verdict is the shard's, konform merge joins the shards. */
    shardOf: (index: number, total: number, items: number) => string;
    yes: string;
    no: string;
    signature: string;
    signedBy: (fingerprint: string) => string;
    notSigned: string;
    /** The requests to one host (report.json `traffic`): the host already rendered, durations in seconds, rates per second (0: no limit). */
    traffic: string;
    trafficHost: (host: string, requests: number, seconds: number, rate: number | undefined, limit: number) => string;
    /** How often the host asked konform to slow down (429, 503), and what konform did. */
    throttledHost: (answers: number, retries: number, waitedSeconds: number, lowestRate: number | undefined) => string;
    /** A crawl (report.json `crawls`): lists and pages read, objects judged from them, those fetched again (sample per type, or 'all'). */
    crawl: string;
    crawlLine: (facts: { lists: number; complete: number; pages: number; objects: number; fetchedAgain: number; sample: number | 'all'; requests: number; seconds: number }) => string;
  };
  counts: {
    caption: string;
    outcome: string;
    requirements: string;
    checks: string;
    total: string;
    failedChecks: (must: number, should: number, may: number) => string;
  };
  contents: string;
  sections: Record<FindingSection, { title: string; lead: string; none: string }>;
  entry: {
    clause: string;
    notInCatalogue: string;
    notTestable: (reason: string) => string;
    findingsAt: (findings: number, places: number, kind: PlaceKind) => string;
    check: string;
    code: string;
    noFindings: string;
    examples: string;
    all: (findings: number) => string;
    more: (findings: number) => string;
  };
  location: Record<LocationPart['label'], string>;
  exchange: {
    title: string;
    request: string;
    response: (status: number) => string;
    noResponse: (reason: string, message: string) => string;
    redirects: string;
    retried: string;
    headers: string;
    body: string;
    bytes: (count: number, truncated: boolean) => string;
    notInReport: string;
  };
  requirements: {
    title: string;
    table: (count: number) => string;
    id: string;
    level: string;
    class: string;
    outcome: string;
    checks: string;
    text: string;
    notPassed: string;
    others: (counts: string) => string;
  };
  /** summary.md, which shows the first of everything and counts the rest. */
  summary: {
    moreGroups: (groups: number, findings: number) => string;
    moreEntries: (entries: number) => string;
    moreRows: (rows: number) => string;
    notes: (findings: number) => string;
  };
  whereEverything: string;
  footer: (tool: string) => string;
}
