/**
 * The rules of report.sarif (SARIF 2.1.0 §3.49 reportingDescriptor): every requirement of the
 * standard's catalogue, with its text, its clause as help URI and, as default level, the level
 * a violation of it has (MUST → error, SHOULD → warning, MAY → note); then the checks whose
 * findings name no single requirement, and rules findings name that the catalogue lacks (the
 * rules of a referenced standard, say). A finding's rule is its own rule, else the one
 * requirement its check verifies, else its check.
 */
import { failureLevel, SEVERITY_RANK } from '../judge/judgement.js';
import type { CheckResult, Report } from '../model/report.js';
import type { Finding, Level, Severity } from '../model/types.js';
import { reportedFindings } from './sarif-reported.js';

export type SarifLevel = 'error' | 'warning' | 'note';

/** SARIF's level for konform's one severity (judgement.ts). */
export const SARIF_LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

/** The severity a violation of a requirement of this level has: the one whose failure level it is. */
function levelOfRequirement(level: Level): SarifLevel {
  const severities = Object.keys(SEVERITY_RANK) as Severity[];
  const severity = severities.find((candidate) => failureLevel({ severity: candidate }) === level) ?? 'error';
  return SARIF_LEVEL[severity];
}

export interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: SarifLevel };
  properties?: Record<string, unknown>;
}

/** Up to this many characters, a requirement's text is its short description as it is. */
const SHORT = 120;

function shortText(text: string): string {
  if (text.length <= SHORT) return text;
  const cut = text.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SHORT / 2))} …`;
}

export interface SarifRules {
  rules: SarifRule[];
  /** The rule of a finding (see above), with its index in `rules`. */
  ruleOf(result: CheckResult, finding: Finding | undefined): { ruleId: string; ruleIndex: number };
}

export function sarifRules(report: Report): SarifRules {
  const checks = new Map(report.checks.map((check) => [check.id, check]));
  const ruleIdOf = (result: CheckResult, finding: Finding | undefined): string => {
    if (finding?.rule !== undefined) return finding.rule;
    const verified = checks.get(result.check)?.requirements;
    return verified?.length === 1 ? (verified[0] as string) : result.check;
  };
  const rules: SarifRule[] = report.requirements.map((requirement) => ({
    id: requirement.id,
    shortDescription: { text: shortText(requirement.text) },
    fullDescription: { text: requirement.text },
    ...(URL.canParse(requirement.clause) ? { helpUri: requirement.clause } : {}),
    defaultConfiguration: { level: levelOfRequirement(requirement.level) },
    properties: { level: requirement.level, class: requirement.class, tags: [report.standard.id, requirement.level] },
  }));
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]));
  const add = (id: string): void => {
    if (indexOf.has(id)) return;
    indexOf.set(id, rules.length);
    const check = checks.get(id);
    if (!check) return void rules.push({ id });
    const text = `${check.title} (a check of the suite ${report.suite.id}, verifying ${check.requirements.length} requirements)`;
    rules.push({ id, shortDescription: { text: check.title }, fullDescription: { text }, properties: { check: true } });
  };
  for (const result of report.results) for (const { finding } of reportedFindings(result)) add(ruleIdOf(result, finding));
  return {
    rules,
    ruleOf(result, finding) {
      const ruleId = ruleIdOf(result, finding);
      return { ruleId, ruleIndex: indexOf.get(ruleId) as number };
    },
  };
}
