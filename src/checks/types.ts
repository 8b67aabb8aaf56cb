/**
 * A check kind is one module under src/checks/<family>/ registered with one line in its
 * family's index. It gets its options (validated against `optionsSchema` when the suite is
 * loaded) and a context, and returns an outcome with structured findings per subject.
 */
import type { CheckOutput, CheckSpec, Standard, Target } from '../model/types.js';
import type { HttpClient } from '../http/types.js';
import type { CrawlSummary, FetchedDocument, Report } from '../model/report.js';
import type { CrawlBudget } from '../crawl/types.js';

/** One thing a check is applied to, e.g. one operation of the declared API. */
export interface Subject {
  /** Stable, unique within the check, e.g. `getStations` or `GET /stations.json`. */
  id: string;
  title: string;
  /** Kind-specific data; never serialised. */
  data?: unknown;
}

export interface CheckContext {
  target: Target;
  standard: Standard;
  http: HttpClient;
  /**
   * Runs `compute` once per key and run; later calls share the promise. A value with a
   * `dispose()` method (a compiled schema in wasm memory, say) is disposed when the run ends.
   */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Runs another suite over message files, e.g. to validate a response body with an XML suite. */
  runSuite(suite: string, files: string[]): Promise<Report>;
  /** Reads a pinned artifact of the standard (hash verified). */
  artifact(path: string): Promise<Buffer>;
  /** Names a document fetched to resolve a reference in the report (`target.fetchedDocuments`). */
  noteFetchedDocument?(document: FetchedDocument): void;
  signal: AbortSignal;
  /** Crawl budgets from the command line (--max-requests, --max-time, --max-pages, --sample): they override every suite's. */
  crawlBudget?: Partial<CrawlBudget>;
  /** Hands the run what a crawl read and cut off, for the report's `crawls`. */
  noteCrawl(summary: CrawlSummary): void;
}

/** What a kind found wrong with a check's references, and the rules it can decide. */
export interface KindLint {
  /** Each problem names the option whose reference does not work. */
  problems: Array<{ option: string; message: string }>;
  decidableRules?: ReadonlySet<string>;
}

export interface CheckKind<Options = Record<string, unknown>> {
  /** `<family>.<kind>`, e.g. `openapi.status-documented`. */
  name: string;
  description: string;
  /** JSON Schema of the options, checked when the suite is loaded. */
  optionsSchema?: Record<string, unknown>;
  /** What the target must provide for the kind to apply. */
  needs: Array<'endpoint' | 'spec' | 'files'>;
  /**
   * The kind mostly waits for answers to requests of its own (beyond work units share, such as
   * a crawl): its units start beside those that compute, so that the two overlap.
   */
  waitsOnRequests?: boolean;
  /**
   * Folders of the standards, beside the suite's own, that the kind judges by (GeoJSON's
   * schema for a kind that judges geometries, say): the report pins them too.
   */
  standards?: readonly string[];
  /**
   * The subjects the check fans out over, found when the plan is executed and before any
   * unit runs: what the target holds (operations, files, collections), not what they say;
   * examining them is `run`'s work. Throwing a KonformError here (a standard konform cannot
   * load, say) ends the run as a usage error. Without it, the check runs once.
   */
  subjects?(context: CheckContext, options: Options, check: CheckSpec): Promise<Subject[]>;
  run(context: CheckContext, options: Options, subject: Subject | undefined, check: CheckSpec): Promise<CheckOutput>;
  /**
   * What `konform suite lint` checks beyond the options schema: loads and compiles what the
   * check refers to in the standard (schemas, code lists, Schematron), so that a reference
   * that cannot work is found before a run; and names the requirement rules the kind can
   * decide with these options, where its findings name their rule (Schematron assertions,
   * say): lint refuses a check that verifies a rule beyond them, which nothing it does could
   * ever fail. Without `decidableRules` the kind decides whatever its check verifies, as a whole.
   */
  lint?(options: Options, standard: Standard): Promise<KindLint>;
}
