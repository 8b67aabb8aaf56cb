/**
 * What every human-readable form of a diff shows, in its order: the summary, the changes by
 * kind (regressions first), then the new and gone findings grouped by check and kind with
 * their count. The forms escape and lay it out; none leaves a change or a finding out.
 */
import { failureLevel } from '../judge/judgement.js';
import { OUTCOMES, type Outcome } from '../model/outcome.js';
import type { Level } from '../model/types.js';
import { findingHeading, locationParts } from '../report/describe-finding.js';
import { CHANGE_ORDER } from './outcome-change.js';
import type { Diff, DiffSummary, FindingChange, RequirementChange, RunInfo } from './types.js';

export interface ChangeLine {
  subject: 'requirement' | 'result';
  id: string;
  level: Level;
  /** The requirement's text or the result's title. */
  title: string;
  clause?: string;
  change: RequirementChange['change'];
  a?: Outcome;
  b?: Outcome;
  /** The outcome in run b, or in run a for what is gone. */
  outcome: Outcome;
  failedCases?: { a: number; b: number };
}

export interface ChangeSection {
  title: string;
  lines: ChangeLine[];
}

/** The findings of one kind (code, rule, severity) of one check, over all its results. */
export interface FindingGroup {
  check: string;
  /** "error type-unknown (rule OPARL-OBJ-TYPE)". */
  heading: string;
  findings: FindingChange[];
}

export interface FindingSection {
  title: string;
  total: number;
  groups: FindingGroup[];
}

const SECTION_TITLES: Record<ChangeLine['change'], string> = {
  regression: 'Regressions',
  fix: 'Fixes',
  changed: 'Other changes',
  new: 'Only in run b',
  gone: 'Only in run a',
  cases: 'Failed in a different number of cases',
};

/** Requirements, then results, of each kind of change in the order of CHANGE_ORDER. */
export function changeSections(diff: Diff): ChangeSection[] {
  const lines: ChangeLine[] = [
    ...diff.requirements.map(({ id, level, text, clause, change, a, b, failedCases }): ChangeLine => ({
      subject: 'requirement', id, level, title: text, clause, change, ...(a ? { a } : {}), ...(b ? { b } : {}), outcome: (b ?? a)!, failedCases,
    })),
    ...diff.results.map(({ id, severity, title, change, a, b }): ChangeLine => ({
      subject: 'result', id, level: failureLevel({ severity }), title, change, ...(a ? { a } : {}), ...(b ? { b } : {}), outcome: (b ?? a)!,
    })),
  ];
  return CHANGE_ORDER.map((change) => ({ title: SECTION_TITLES[change], lines: lines.filter((line) => line.change === change) })).filter(
    (section) => section.lines.length > 0,
  );
}

/** "passed → failed", "new: failed", "gone (was passed)", "failed" — then the cases, where they changed. */
export function changeText(line: ChangeLine): string {
  const outcome =
    line.a === undefined ? `new: ${line.b}` : line.b === undefined ? `gone (was ${line.a})` : line.a === line.b ? line.a : `${line.a} → ${line.b}`;
  const cases = line.failedCases && line.failedCases.a !== line.failedCases.b ? `, failed cases ${line.failedCases.a} → ${line.failedCases.b}` : '';
  return `${outcome}${cases}`;
}

function groupsOf(changes: FindingChange[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const change of changes) {
    const heading = findingHeading(change.finding);
    const key = JSON.stringify([change.check, heading]);
    const group = groups.get(key) ?? { check: change.check, heading, findings: [] };
    group.findings.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function findingSections(diff: Diff): FindingSection[] {
  return [
    { title: 'New findings (only in run b)', total: diff.findings.new.length, groups: groupsOf(diff.findings.new) },
    { title: 'Gone findings (only in run a)', total: diff.findings.gone.length, groups: groupsOf(diff.findings.gone) },
  ];
}

const plural = (count: number, word: string, many = `${word}s`) => `${count} ${count === 1 ? word : many}`;

/** "1 regression, 0 fixes, 2 other changes, …". */
export function summaryText(summary: DiffSummary): string {
  return [
    plural(summary.regressions, 'regression'),
    plural(summary.fixes, 'fix', 'fixes'),
    plural(summary.otherChanges, 'other change'),
    `${summary.newResults} new and ${summary.goneResults} gone results`,
    `${summary.newFindings} new and ${summary.goneFindings} gone findings`,
    `${plural(summary.changedCases, 'requirement')} failed in a different number of cases`,
  ].join(', ');
}

/** Each outcome's count in run a and run b. */
export function countRows(diff: Diff): Array<{ outcome: Outcome; a: number; b: number }> {
  return OUTCOMES.map((outcome) => ({ outcome, a: diff.a.counts[outcome], b: diff.b.counts[outcome] }));
}

/** The two runs side by side, as plain text: where they come from, what they ran, their verdicts and counts. */
export function runRows(diff: Diff): Array<{ label: string; a: string; b: string }> {
  const row = (label: string, value: (run: RunInfo) => string) => ({ label, a: value(diff.a), b: value(diff.b) });
  return [
    row('report', (run) => run.source),
    row('started', (run) => run.startedAt),
    row('verdict', (run) => `${run.verdict}${run.complete ? '' : ' (incomplete)'}`),
    row('target', (run) => run.target),
    row('suite', (run) => `${run.suite.id} ${run.suite.version}`),
    row('standard', (run) => `${run.standard.id} ${run.standard.version}`),
    row('profile', (run) => run.profile),
    row('konform', (run) => run.tool),
    ...countRows(diff).map(({ outcome, a, b }) => ({ label: outcome, a: String(a), b: String(b) })),
  ];
}

/** "body /data/0/type, file a.xml:3:7": where the finding points, or nothing. */
export function findingPlace(change: FindingChange): string {
  return locationParts(change.finding.location)
    .map((part) => `${part.label} ${part.value}`)
    .join(', ');
}

/** "type-uri/Paper: " — the result a finding of a group belongs to, where the result is more than its check. */
export function resultPrefix(change: FindingChange): string {
  return change.result === change.check ? '' : `${change.result}: `;
}

/** How many findings of a group the short forms (text, Markdown) show; the JSON and HTML forms show all. */
export const EXAMPLES_SHOWN = 3;
