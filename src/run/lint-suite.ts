/**
 * `konform suite lint` beyond loading: each check's kind loads and compiles what the check
 * refers to (CheckKind.lint), and `verifies` is not taken on trust — a check may list only
 * rules its kind can decide with the check's options, since a rule listed beyond them would be
 * reported passed by a check that never examines it; nor may a check that judges its rules as a
 * whole list a rule another check decides by name. Every problem is reported, each with its
 * place in the suite file.
 */
import { readFile } from 'node:fs/promises';
import { checkKind } from '../checks/registry.js';
import { ERROR_CODES, KonformError, type SourceLocation } from '../model/errors.js';
import type { Standard, Suite } from '../model/types.js';
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
  }
  return problems;
}

/** The problems as one SUITE_INVALID error, placed at the first. */
export function lintError(problems: readonly LintProblem[]): KonformError {
  const lines = problems.map(({ check, message, location }) => `${location.file}:${location.line}:${location.column}: check "${check}" ${message}`);
  return new KonformError(ERROR_CODES.SUITE_INVALID, `${problems.length} problem(s):\n  ${lines.join('\n  ')}`, problems[0]?.location);
}
