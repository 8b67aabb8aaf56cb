/**
 * What the tests of declared rules share: the rules a check's kind says it can decide with the
 * check's options (CheckKind.lint), the rules a report's findings name outside them, those the
 * source of a kind's module names outside them, and the lint problems of a changed suite file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { lintSuite } from '../../src/run/lint-suite.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { checkKind } from '../../src/checks/registry.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { RULE } from '../../src/oparl/rules.js';
import type { Report } from '../../src/model/report.js';
import type { SuiteWorkspace } from '../helpers/suite-workspace.js';

export const shippedSuiteFile = (suite: string) => join(PACKAGE_ROOT, 'suites', suite, 'suite.yaml');

export async function lintOf(suiteFile: string) {
  const { suite, standard } = await loadSuite(suiteFile);
  return lintSuite(suite, standard);
}

/** The rules each check of the suite can decide, by check id. */
export async function declaredRules(suiteFile: string): Promise<Map<string, ReadonlySet<string>>> {
  const { suite, standard } = await loadSuite(suiteFile);
  const declared = new Map<string, ReadonlySet<string>>();
  for (const check of suite.classes.flatMap((cls) => cls.checks)) {
    const lint = await checkKind(check.kind)?.lint?.(check.options as never, standard);
    expect(lint?.decidableRules, `${check.kind} declares the rules it can decide`).toBeDefined();
    declared.set(check.id, lint?.decidableRules ?? new Set());
  }
  return declared;
}

/**
 * `kind: rule` for every rule the module of a kind (src/checks/<family>/<name>.ts) names — an
 * OParl RULE constant, an OGC requirement ID in quotes — that none of the suites' checks of the
 * kind declares, whatever their options.
 */
export async function undeclaredSourceRules(suiteFiles: readonly string[]): Promise<string[]> {
  const byKind = new Map<string, Set<string>>();
  for (const suiteFile of suiteFiles) {
    const { suite } = await loadSuite(suiteFile);
    const declared = await declaredRules(suiteFile);
    for (const check of suite.classes.flatMap((cls) => cls.checks)) {
      byKind.set(check.kind, new Set([...(byKind.get(check.kind) ?? []), ...(declared.get(check.id) ?? [])]));
    }
  }
  const undeclared: string[] = [];
  for (const [kind, rules] of byKind) {
    const [family, name] = kind.split('.') as [string, string];
    const source = await readFile(join(PACKAGE_ROOT, 'src', 'checks', family, `${name}.ts`), 'utf8');
    const constants = [...source.matchAll(/\bRULE\.([A-Z0-9_]+)/g)].map(([, key]) => RULE[key as keyof typeof RULE]);
    const literals = [...source.matchAll(/'(\/re[qc]\/[^']+)'/g)].map(([, id]) => id as string);
    undeclared.push(...[...new Set([...constants, ...literals])].filter((rule) => !rules.has(rule)).map((rule) => `${kind}: ${rule}`));
  }
  return undeclared;
}

/** `check: rule` for every finding of the report whose rule its check does not declare. */
export function undeclaredFindingRules(report: Report, declared: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [
    ...new Set(
      report.results.flatMap((result) =>
        result.findings.flatMap((finding) => (finding.rule === undefined || declared.get(result.check)?.has(finding.rule) ? [] : [`${result.check}: ${finding.rule}`])),
      ),
    ),
  ];
}

/** The lint problems of the suite file after `change`, as [check, message, line], and the line of a text in it. */
export async function lintChanged(workspace: SuiteWorkspace, change: (text: string) => string) {
  await workspace.edit(workspace.suiteFile, change);
  const lines = (await readFile(workspace.suiteFile, 'utf8')).split('\n');
  const problems = await lintOf(workspace.suiteFile);
  return {
    problems: problems.map(({ check, message, location }) => [check, message, location.line]),
    lineOf: (needle: string) => lines.findIndex((line) => line.includes(needle)) + 1,
  };
}
