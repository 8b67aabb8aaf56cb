/**
 * A check kind is one module under src/checks/<family>/ registered with one line in its
 * family's index. It gets its options (validated against `optionsSchema` when the suite is
 * loaded) and a context, and returns an outcome with structured findings per subject.
 */
import type { CheckOutput, CheckSpec, Standard, Target } from '../core/model.js';
import type { HttpClient } from '../http/types.js';
import type { Report } from '../report/model.js';

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
  signal: AbortSignal;
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
   * The subjects the check fans out over, computed before any check runs. Throwing a
   * KonformError here (a broken declared document, say) ends the run as a usage error.
   * Without it, the check runs once.
   */
  subjects?(context: CheckContext, options: Options, check: CheckSpec): Promise<Subject[]>;
  run(context: CheckContext, options: Options, subject: Subject | undefined, check: CheckSpec): Promise<CheckOutput>;
}
