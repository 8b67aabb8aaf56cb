/**
 * The data model shared by the loader, the runner, the check kinds and the reporters.
 * Reporters see only the read-only report (src/model/report.ts); everything here is input to a run.
 */
import type { FindingCode } from './finding-codes.js';
import type { Outcome } from './outcome.js';

export type Level = 'MUST' | 'SHOULD' | 'MAY';

/** One normative statement of a standard, with a stable ID. */
export interface Requirement {
  id: string;
  /** Conformance class of the standard the requirement belongs to. */
  class: string;
  level: Level;
  text: string;
  /** BCP 47 tag of the language of `text` and `notTestable` (the catalogue's, else en). */
  language?: string;
  /** The catalogue's own translations of `text`, by BCP 47 tag. */
  translations?: Readonly<Record<string, string>>;
  /** Link to the clause of the specification. */
  clause: string;
  /** Set when konform cannot test the requirement; says why. */
  notTestable?: string;
}

export interface Artifact {
  path: string;
  sha256: string;
  source: string;
  licence: string;
}

/** A pinned standard version (`standards/<id>/<version>/`). */
export interface Standard {
  id: string;
  version: string;
  title: string;
  dir: string;
  artifacts: Artifact[];
  requirements: Requirement[];
  /** sha256 of the manifest file, which pins every artifact by hash. */
  manifestSha256: string;
}

/**
 * The one severity vocabulary of checks and findings, tied to the requirement levels: MUST →
 * `error`, SHOULD → `warning`, MAY and notes → `info`. Only `error` decides the verdict.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CheckSpec {
  id: string;
  title: string;
  kind: string;
  class: string;
  verifies: string[];
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ConformanceClass {
  id: string;
  title: string;
  checks: CheckSpec[];
}

export interface Profile {
  id: string;
  title: string;
  classes: string[];
}

/** A versioned suite (`suites/<id>/suite.yaml`) bound to one standard version. */
export interface Suite {
  id: string;
  version: string;
  title: string;
  dir: string;
  file: string;
  sha256: string;
  standard: { id: string; version: string };
  classes: ConformanceClass[];
  profiles: Profile[];
  defaultProfile: string;
  /** Absolute path of the self-test file (`<?xmute?>` samples), for `konform suite selftest`. */
  selftest?: string;
}

/** What is tested: an endpoint, the description it declares, message files. */
export interface Target {
  url?: string;
  /** Path of the OpenAPI document the vendor declares for the endpoint. */
  spec?: string;
  files?: string[];
  /** host or host:port values that may be contacted; the endpoint's own host is always allowed. */
  allowedHosts: string[];
  /** host or host:port values whose documents the `$ref`s of a served API definition may be fetched from (`--allow-ref-host`); also in allowedHosts. */
  refHosts?: string[];
  /** Whether operations other than GET and HEAD may be called. */
  allowUnsafe: boolean;
  /** Values for path and query parameters by name, sent for every operation's parameter of that name. */
  parameters?: Record<string, string>;
}

/** Where a finding points: into the declared document, into a body, into a file. */
export interface FindingLocation {
  /** Operation, as "METHOD /path" or operationId. */
  operation?: string;
  /** JSON pointer into the declared document. */
  specPointer?: string;
  /** JSON pointer into the response body. */
  bodyPointer?: string;
  file?: string;
  line?: number;
  column?: number;
  xpath?: string;
}

/** One structured observation of a check. `message` is rendered from `params`. */
export interface Finding {
  /** Stable kebab-case code of the kind of finding, e.g. `status-undocumented`. */
  code: FindingCode;
  message: string;
  params?: Record<string, unknown>;
  severity?: Severity;
  /** Rule ID of the standard, where the standard has one (e.g. `BR-DE-15`). */
  rule?: string;
  /** konform could not decide the rule here (an unknown code list, say): its requirement is cantTell. */
  undecided?: true;
  location?: FindingLocation;
  /** Exchange ID (see Exchange) this finding was observed in. */
  exchange?: string;
}

/** What a check kind returns for one subject. */
export interface CheckOutput {
  outcome: Outcome;
  findings: Finding[];
  /** IDs of the exchanges the outcome rests on. */
  evidence?: string[];
  /**
   * The rules (of those the check verifies) the check met a case of, where that is fewer than
   * all: a rule that concerns one object type, or deleted objects, decides nothing where there
   * were none. Absent: every rule the check verifies.
   */
  rules?: string[];
}
