/**
 * What `konform diff` finds between two reports of the same suite (run a, the earlier or the
 * vendor's, and run b, the later or the city's). Schema of its JSON form: diff.schema.json.
 */
import type { OutcomeCounts, Outcome } from '../model/outcome.js';
import type { Verdict } from '../model/report.js';
import type { Finding, Level, Severity } from '../model/types.js';

/** One run as the diff names it. */
export interface RunInfo {
  /** The folder or report.json given on the command line. */
  source: string;
  tool: string;
  suite: { id: string; version: string; sha256: string };
  standard: { id: string; version: string; manifestSha256: string };
  profile: string;
  /** The endpoint's URL, the declared document or the message files. */
  target: string;
  startedAt: string;
  complete: boolean;
  verdict: Verdict;
  counts: OutcomeCounts;
}

/** A way in which the two runs were not made alike: they are still compared. */
export interface Difference {
  about: 'tool' | 'suite' | 'standard' | 'referencedStandards' | 'profile' | 'target' | 'complete';
  a: string;
  b: string;
}

/** How an outcome changed from a to b: `regression` became failed, `fix` was failed and passed, `changed` any other way. */
export type OutcomeChange = 'regression' | 'fix' | 'changed';

/** `new` and `gone`: present in b only, in a only. */
export type Presence = 'new' | 'gone';

export interface RequirementChange {
  id: string;
  level: Level;
  text: string;
  clause: string;
  /** `cases`: the same outcome, failed in a different number of cases. */
  change: OutcomeChange | Presence | 'cases';
  a?: Outcome;
  b?: Outcome;
  /** How often the requirement was found violated in each run (failed-cases.ts). */
  failedCases: { a: number; b: number };
}

export interface ResultChange {
  id: string;
  check: string;
  title: string;
  severity: Severity;
  change: OutcomeChange | Presence;
  a?: Outcome;
  b?: Outcome;
}

/** A finding of one run that the other has not; `result` is the result's ID in that run. */
export interface FindingChange {
  check: string;
  result: string;
  finding: Finding;
}

export interface DiffSummary {
  regressions: number;
  fixes: number;
  otherChanges: number;
  newResults: number;
  goneResults: number;
  newFindings: number;
  goneFindings: number;
  changedCases: number;
}

export interface Diff {
  diffVersion: '1.0';
  suite: string;
  a: RunInfo;
  b: RunInfo;
  differences: Difference[];
  summary: DiffSummary;
  /** Regressions first, then fixes, other changes, new and gone, changed cases (CHANGE_ORDER); MUST before SHOULD before MAY. */
  requirements: RequirementChange[];
  /** In the same order, errors before warnings before information. */
  results: ResultChange[];
  findings: { new: FindingChange[]; gone: FindingChange[] };
}
