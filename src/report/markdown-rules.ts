/**
 * The part of summary.md for rule-based validation (Schematron asserts, XSD, code lists): every
 * finding that names a rule, grouped by rule — exactly how often it fired, and the first places
 * where (the full list is in report.json).
 */
import { SEVERITY_RANK } from '../judge/judgement.js';
import type { Finding, Severity } from '../model/types.js';
import type { Report } from '../model/report.js';
import { mdCode, mdTable, mdText } from './markdown-text.js';

interface RuleGroup {
  rule: string;
  severity: Severity;
  message: string;
  count: number;
  /** The first MAX_PLACES places, in report order. */
  places: string[];
}

const MAX_PLACES = 20;

function place(finding: Finding, subject: string | undefined): string {
  const location = finding.location;
  const file = location?.file ?? subject ?? '';
  const position = location?.line !== undefined ? `:${location.line}${location.column !== undefined ? `:${location.column}` : ''}` : '';
  const xpath = location?.xpath ? ` ${location.xpath}` : '';
  return `${file}${position}${xpath}`;
}

function groupsOf(report: Report): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const result of report.results) {
    for (const finding of result.findings) {
      if (finding.rule === undefined) continue;
      const group = groups.get(finding.rule) ?? { rule: finding.rule, severity: finding.severity ?? 'error', message: finding.message, count: 0, places: [] };
      group.count += 1;
      if (group.places.length < MAX_PLACES) group.places.push(place(finding, result.subject?.id));
      groups.set(finding.rule, group);
    }
  }
  const rank = (group: RuleGroup) => SEVERITY_RANK[group.severity];
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule));
}

/** "## Findings by rule": a table of rules, then the places each fired, in pieces; nothing when no finding names a rule. */
export function* rulesSection(report: Report): Generator<string> {
  const groups = groupsOf(report);
  if (groups.length === 0) return;
  yield `## Findings by rule\n\n${mdTable(
    ['Rule', 'Severity', 'Findings', 'Message'],
    groups.map((group) => [mdCode(group.rule, true), group.severity, String(group.count), mdText(group.message)]),
    ['left', 'left', 'right', 'left'],
  )}`;
  for (const group of groups) {
    const shown = group.places.map((where) => `- ${mdCode(where)}`);
    const more = group.count > group.places.length ? [`- … and ${group.count - group.places.length} more`] : [];
    yield `\n\n${[`### ${mdCode(group.rule)} (${group.severity})`, '', ...shown, ...more].join('\n')}`;
  }
}
