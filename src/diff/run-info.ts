/**
 * The facts of each run the diff header shows, and how the two runs were not made alike: another
 * tool version, suite or standard version or hash, profile, target, or a run that did not complete.
 */
import type { PinnedStandard, Report } from '../model/report.js';
import type { Difference, RunInfo } from './types.js';

function targetOf(report: Report): string {
  const { url, spec, files } = report.target;
  const parts = [url, spec ? `${spec.path} (sha256 ${spec.sha256})` : undefined];
  if (files) parts.push(files.length === 1 ? files[0] : `${files.length} files`);
  return parts.filter((part) => part !== undefined).join(', ') || '(none)';
}

export function runInfo(report: Report, source: string): RunInfo {
  return {
    source,
    tool: report.tool.version,
    suite: { id: report.suite.id, version: report.suite.version, sha256: report.suite.sha256 },
    standard: { id: report.standard.id, version: report.standard.version, manifestSha256: report.standard.manifestSha256 },
    profile: report.profile.id,
    target: targetOf(report),
    startedAt: report.startedAt,
    complete: report.complete,
    verdict: report.verdict,
    counts: report.counts,
  };
}

const pinned = (standard: PinnedStandard): string => `${standard.id} ${standard.version} (sha256 ${standard.manifestSha256})`;

type Describe = (report: Report) => string;

/** What each difference is described by, in the order the header lists them, and what tells it, where that is more than the description. */
const ASPECTS: ReadonlyArray<[Difference['about'], Describe, Describe?]> = [
  ['tool', (report) => `konform ${report.tool.version}`],
  ['suite', (report) => `${report.suite.id} ${report.suite.version} (sha256 ${report.suite.sha256})`],
  ['standard', (report) => pinned(report.standard)],
  ['referencedStandards', (report) => (report.referencedStandards ?? []).map(pinned).join(', ') || '(none)'],
  ['profile', (report) => `${report.profile.id} (${report.profile.classes.join(', ')})`],
  ['target', targetOf, (report) => JSON.stringify(report.target)],
  ['complete', (report) => (report.complete ? 'complete' : `incomplete${report.interruption ? ` (${report.interruption})` : ''}`)],
];

export function differencesOf(a: Report, b: Report): Difference[] {
  return ASPECTS.flatMap(([about, describe, identity = describe]) =>
    identity(a) === identity(b) ? [] : [{ about, a: describe(a), b: describe(b) }],
  );
}
