/**
 * `konform suite lint` beyond loading: each check's kind loads and compiles what the check
 * refers to (CheckKind.lint), and `verifies` is not taken on trust — a check may list only
 * rules its kind can decide with the check's options, since a rule listed beyond them would be
 * reported passed by a check that never examines it. Every problem is reported, each with its
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
  const problems: LintProblem[] = [];
  for (const [c, cls] of suite.classes.entries()) {
    for (const [k, check] of cls.checks.entries()) {
      const at = `/classes/${c}/checks/${k}`;
      const lint = await checkKind(check.kind)?.lint?.(check.options as never, standard);
      for (const { option, message } of lint?.problems ?? []) {
        problems.push({ check: check.id, message, location: source.locate(`${at}/options/${option}`) });
      }
      check.verifies.forEach((rule, v) => {
        if (lint?.decidableRules && !lint.decidableRules.has(rule)) {
          const message = `verifies ${rule}, which a ${check.kind} check with these options cannot decide`;
          problems.push({ check: check.id, message, location: source.locate(`${at}/verifies/${v}`) });
        }
      });
    }
  }
  return problems;
}

/** The problems as one SUITE_INVALID error, placed at the first. */
export function lintError(problems: readonly LintProblem[]): KonformError {
  const lines = problems.map(({ check, message, location }) => `${location.file}:${location.line}:${location.column}: check "${check}" ${message}`);
  return new KonformError(ERROR_CODES.SUITE_INVALID, `${problems.length} problem(s):\n  ${lines.join('\n  ')}`, problems[0]?.location);
}
