/**
 * Compares two reports of the same suite: per requirement and per check result the outcome
 * changes (outcome-change.ts), results and findings present in one run only, and how often each
 * requirement failed. Reports of different suites are refused: their requirements and checks
 * mean different things. Everything else that differs is named (run-info.ts) and compared anyway.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { CheckResult, Report, RequirementResult } from '../model/report.js';
import { LEVEL_RANK } from '../judge/requirement-results.js';
import { SEVERITY_RANK } from '../judge/judgement.js';
import { failedCases } from './failed-cases.js';
import { CHANGE_ORDER, outcomeChange } from './outcome-change.js';
import { differencesOf, runInfo } from './run-info.js';
import { findingKey, targetNormaliser, type Normalise } from './stable-key.js';
import type { Diff, DiffSummary, FindingChange, RequirementChange, ResultChange } from './types.js';

export interface Run {
  report: Report;
  /** The folder or file the report was read from, as given. */
  source: string;
}

function byChange<T extends { change: RequirementChange['change'] }>(rank: (entry: T) => number): (x: T, y: T) => number {
  return (x, y) => CHANGE_ORDER.indexOf(x.change) - CHANGE_ORDER.indexOf(y.change) || rank(x) - rank(y);
}

function requirementChanges(a: Report, b: Report): RequirementChange[] {
  const [casesA, casesB] = [failedCases(a), failedCases(b)];
  const inA = new Map(a.requirements.map((requirement) => [requirement.id, requirement]));
  const inB = new Set(b.requirements.map((requirement) => requirement.id));
  const entry = (requirement: RequirementResult, change: RequirementChange['change'] | undefined, before?: RequirementResult, after?: RequirementResult): RequirementChange[] => {
    const failed = { a: casesA.get(requirement.id) ?? 0, b: casesB.get(requirement.id) ?? 0 };
    const kind = change ?? (failed.a !== failed.b ? 'cases' : undefined);
    if (kind === undefined) return [];
    const { id, level, text, clause } = requirement;
    return [{ id, level, text, clause, change: kind, ...(before ? { a: before.outcome } : {}), ...(after ? { b: after.outcome } : {}), failedCases: failed }];
  };
  const changes = [
    ...b.requirements.flatMap((requirement) => {
      const before = inA.get(requirement.id);
      return before ? entry(requirement, outcomeChange(before.outcome, requirement.outcome), before, requirement) : entry(requirement, 'new', undefined, requirement);
    }),
    ...a.requirements.filter((requirement) => !inB.has(requirement.id)).flatMap((requirement) => entry(requirement, 'gone', requirement)),
  ];
  return changes.sort(byChange((change) => LEVEL_RANK[change.level]));
}

interface Keyed {
  key: string;
  result: CheckResult;
}

function keyedResults(report: Report, normalise: Normalise): Keyed[] {
  return report.results.map((result) => ({ key: normalise(result.id), result }));
}

function resultChanges(a: Keyed[], b: Keyed[]): ResultChange[] {
  const inA = new Map(a.map(({ key, result }) => [key, result]));
  const inB = new Set(b.map(({ key }) => key));
  const entry = (result: CheckResult, change: ResultChange['change'] | undefined, before?: CheckResult, after?: CheckResult): ResultChange[] => {
    if (change === undefined) return [];
    const { id, check, title, severity } = result;
    return [{ id, check, title, severity, change, ...(before ? { a: before.outcome } : {}), ...(after ? { b: after.outcome } : {}) }];
  };
  const changes = [
    ...b.flatMap(({ key, result }) => {
      const before = inA.get(key);
      return before ? entry(result, outcomeChange(before.outcome, result.outcome), before, result) : entry(result, 'new', undefined, result);
    }),
    ...a.filter(({ key }) => !inB.has(key)).flatMap(({ result }) => entry(result, 'gone', result)),
  ];
  return changes.sort(byChange((change) => SEVERITY_RANK[change.severity]));
}

const findingRank = (change: FindingChange): number => (change.finding.severity ? SEVERITY_RANK[change.finding.severity] : Object.keys(SEVERITY_RANK).length);

/** Findings matched by their stable key, as many times as the key occurs in each run; the rest in the order of their run. */
function findingChanges(a: Keyed[], normaliseA: Normalise, b: Keyed[], normaliseB: Normalise): Diff['findings'] {
  const earlier: FindingChange[] = [];
  const waiting = new Map<string, number[]>();
  for (const { key, result } of a) {
    for (const finding of result.findings) {
      const findingOf = findingKey(key, finding, normaliseA);
      const indices = waiting.get(findingOf) ?? [];
      indices.push(earlier.push({ check: result.check, result: result.id, finding }) - 1);
      waiting.set(findingOf, indices);
    }
  }
  const matched = new Set<number>();
  const taken = new Map<string, number>();
  const added: FindingChange[] = [];
  for (const { key, result } of b) {
    for (const finding of result.findings) {
      const findingOf = findingKey(key, finding, normaliseB);
      const next = taken.get(findingOf) ?? 0;
      const index = waiting.get(findingOf)?.[next];
      if (index === undefined) {
        added.push({ check: result.check, result: result.id, finding });
        continue;
      }
      matched.add(index);
      taken.set(findingOf, next + 1);
    }
  }
  const gone = earlier.filter((_, index) => !matched.has(index));
  return { new: added.sort((x, y) => findingRank(x) - findingRank(y)), gone: gone.sort((x, y) => findingRank(x) - findingRank(y)) };
}

function summaryOf(requirements: RequirementChange[], results: ResultChange[], findings: Diff['findings']): DiffSummary {
  const count = (change: RequirementChange['change']) =>
    requirements.filter((entry) => entry.change === change).length + results.filter((entry) => entry.change === change).length;
  return {
    regressions: count('regression'),
    fixes: count('fix'),
    otherChanges: count('changed'),
    newResults: results.filter((entry) => entry.change === 'new').length,
    goneResults: results.filter((entry) => entry.change === 'gone').length,
    newFindings: findings.new.length,
    goneFindings: findings.gone.length,
    changedCases: requirements.filter((entry) => entry.failedCases.a !== entry.failedCases.b).length,
  };
}

export function compareReports(a: Run, b: Run): Diff {
  if (a.report.suite.id !== b.report.suite.id) {
    throw new KonformError(
      ERROR_CODES.USAGE,
      `${a.source} is a run of suite ${a.report.suite.id}, ${b.source} one of suite ${b.report.suite.id}: only runs of the same suite can be compared`,
    );
  }
  const [normaliseA, normaliseB] = [targetNormaliser(a.report), targetNormaliser(b.report)];
  const [resultsA, resultsB] = [keyedResults(a.report, normaliseA), keyedResults(b.report, normaliseB)];
  const requirements = requirementChanges(a.report, b.report);
  const results = resultChanges(resultsA, resultsB);
  const findings = findingChanges(resultsA, normaliseA, resultsB, normaliseB);
  return {
    diffVersion: '1.0',
    suite: a.report.suite.id,
    a: runInfo(a.report, a.source),
    b: runInfo(b.report, b.source),
    differences: differencesOf(a.report, b.report),
    summary: summaryOf(requirements, results, findings),
    requirements,
    results,
    findings,
  };
}
