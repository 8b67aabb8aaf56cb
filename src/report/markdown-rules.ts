/**
 * The part of summary.md for rule-based validation (Schematron asserts, XSD, code lists): every
 * finding that names a rule, grouped by rule — how often it fired, in which files, and where.
 */
import type { Finding } from '../core/model.js';
import type { Report } from './model.js';
import { mdCode, mdTable, mdText } from './markdown-text.js';

interface RuleGroup {
  rule: string;
  severity: string;
  message: string;
  places: string[];
}

const MAX_PLACES = 20;
const SEVERITY_ORDER = ['fatal', 'error', 'warning', 'information'];

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
      const group = groups.get(finding.rule) ?? { rule: finding.rule, severity: finding.severity ?? 'error', message: finding.message, places: [] };
      group.places.push(place(finding, result.subject?.id));
      groups.set(finding.rule, group);
    }
  }
  const rank = (group: RuleGroup) => SEVERITY_ORDER.indexOf(group.severity);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule));
}

/** "## Findings by rule": a table of rules, then the places each fired; empty when no finding names a rule. */
export function rulesSection(report: Report): string {
  const groups = groupsOf(report);
  if (groups.length === 0) return '';
  const table = mdTable(
    ['Rule', 'Severity', 'Findings', 'Message'],
    groups.map((group) => [mdCode(group.rule, true), group.severity, String(group.places.length), mdText(group.message)]),
    ['left', 'left', 'right', 'left'],
  );
  const details = groups.map((group) => {
    const shown = group.places.slice(0, MAX_PLACES).map((where) => `- ${mdCode(where)}`);
    const more = group.places.length > MAX_PLACES ? [`- … and ${group.places.length - MAX_PLACES} more`] : [];
    return [`### ${mdCode(group.rule)} (${group.severity})`, '', ...shown, ...more].join('\n');
  });
  return ['## Findings by rule', table, ...details].join('\n\n');
}
