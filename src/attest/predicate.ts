/**
 * The predicate of a konform run attestation, type https://konform.dev/attestation/run/v1:
 * what was run (tool, suite, standards with their sha256 pins, profile), against what (the
 * target URL and declared document, or each input file with its sha256 at signing), and with
 * what outcome (verdict, counts, start and end, whether the run completed). Version 1 only
 * ever gains optional fields; a change of meaning is a new type URI.
 */
import type { PinnedStandard, Report } from '../model/report.js';

export const RUN_PREDICATE_TYPE = 'https://konform.dev/attestation/run/v1';

/** An input file: its sha256 when signing, or why it could not be read then. */
export type InputDigest = { path: string; sha256: string } | { path: string; error: string };

export interface RunPredicate {
  tool: Report['tool'];
  suite: Report['suite'];
  standard: PinnedStandard;
  referencedStandards?: PinnedStandard[];
  target: {
    url?: string;
    spec?: { path: string; sha256: string };
    files?: InputDigest[];
  };
  profile: { id: string; classes: string[] };
  verdict: Report['verdict'];
  exitCode: Report['exitCode'];
  counts: Report['counts'];
  startedAt: string;
  finishedAt: string;
  complete: boolean;
  interruption?: string;
}

export function runPredicate(report: Report, inputs: InputDigest[] | undefined): RunPredicate {
  const { url, spec } = report.target;
  return {
    tool: report.tool,
    suite: report.suite,
    standard: report.standard,
    ...(report.referencedStandards ? { referencedStandards: report.referencedStandards } : {}),
    target: {
      ...(url ? { url } : {}),
      ...(spec ? { spec: { path: spec.path, sha256: spec.sha256 } } : {}),
      ...(inputs ? { files: inputs } : {}),
    },
    profile: { id: report.profile.id, classes: report.profile.classes },
    verdict: report.verdict,
    exitCode: report.exitCode,
    counts: report.counts,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    complete: report.complete,
    ...(report.interruption === undefined ? {} : { interruption: report.interruption }),
  };
}
