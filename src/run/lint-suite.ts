/**
 * `konform suite lint` beyond loading: each check's kind loads and compiles what the check
 * refers to (CheckKind.lint), and `verifies` is not taken on trust — a check may list only
 * rules its kind can decide with the check's options, since a rule listed beyond them would be
 * reported passed by a check that never examines it; nor may a check that judges its rules as a
 * whole list a rule another check decides by name; nor may a check's severity exceed the level
 * of the rules it verifies. Every problem is reported, each with its place in the suite file.
 */
import { readFile } from 'node:fs/promises';
import { checkKind } from '../checks/registry.js';
import { ERROR_CODES, KonformError, type SourceLocation } from '../model/errors.js';
import { failureLevel } from '../judge/judgement.js';
import { LEVEL_RANK } from '../judge/requirement-results.js';
import type { CheckSpec, Level, Severity, Standard, Suite } from '../model/types.js';
import { parseYamlText } from '../core/yaml-source.js';

export interface LintProblem {
  check: string;
  message: string;
  location: SourceLocation;
}

export async function lintSuite(suite: Suite, standard: Standard): Promise<LintProblem[]> {
  const source = parseYamlText(suite.file, await readFile(suite.file, 'utf8'), ERROR_CODES.SUITE_INVALID);
  const linted = await Promise.all(
    suite.classes.flatMap((cls, c) =>
      cls.checks.map(async (check, k) => ({ check, at: `/classes/${c}/checks/${k}`, lint: await checkKind(check.kind)?.lint?.(check.options as never, standard) })),
    ),
  );
  // A rule a check decides by the findings that name it is that check's: a check that decides
  // its rules as a whole (valid against a schema, say) never examines it.
  const decidedBy = new Map<string, string>();
  for (const { check, lint } of linted) for (const rule of lint?.decidableRules ?? []) if (!decidedBy.has(rule)) decidedBy.set(rule, check.id);
  const levels = new Map(standard.requirements.map((requirement) => [requirement.id, requirement.level]));
  const problems: LintProblem[] = [];
  for (const { check, at, lint } of linted) {
    for (const { option, message } of lint?.problems ?? []) {
      problems.push({ check: check.id, message, location: source.locate(`${at}/options/${option}`) });
    }
    check.verifies.forEach((rule, v) => {
      const owner = decidedBy.get(rule);
      const message = lint?.decidableRules
        ? !lint.decidableRules.has(rule) && `verifies ${rule}, which a ${check.kind} check with these options cannot decide`
        : owner !== undefined && `verifies ${rule}, which check ${owner} decides by the findings that name it; a ${check.kind} check judges its rules as a whole and cannot`;
      if (message) problems.push({ check: check.id, message, location: source.locate(`${at}/verifies/${v}`) });
    });
    const overstated = severityAboveLevels(check, levels);
    if (overstated) problems.push({ check: check.id, message: overstated, location: source.locate(`${at}/severity`) });
  }
  return problems;
}

/**
 * A check whose failure would decide more than any rule it verifies: severity `error` (the
 * default) on SHOULD rules only makes a SHOULD decide the verdict. The check's failure level
 * (judge/judgement.ts) may be at most the highest level among its rules.
 */
const SEVERITY_OF_LEVEL: Readonly<Record<Level, Severity>> = { MUST: 'error', SHOULD: 'warning', MAY: 'info' };

function severityAboveLevels(check: CheckSpec, levels: ReadonlyMap<string, Level>): string | undefined {
  const verified = check.verifies.flatMap((rule) => levels.get(rule) ?? []);
  if (verified.length === 0) return undefined;
  const highest = verified.reduce((a, b) => (LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b));
  const level = failureLevel(check);
  if (LEVEL_RANK[level] >= LEVEL_RANK[highest]) return undefined;
  return `has severity ${check.severity}, which fails it as a ${level}, but the rules it verifies are ${highest} at most: give it severity ${SEVERITY_OF_LEVEL[highest]}`;
}

/** The problems as one SUITE_INVALID error, placed at the first. */
export function lintError(problems: readonly LintProblem[]): KonformError {
  const lines = problems.map(({ check, message, location }) => `${location.file}:${location.line}:${location.column}: check "${check}" ${message}`);
  return new KonformError(ERROR_CODES.SUITE_INVALID, `${problems.length} problem(s):\n  ${lines.join('\n  ')}`, problems[0]?.location);
}
