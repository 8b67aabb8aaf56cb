/**
 * The sections of summary.md that say what went wrong, in the order and grouping of
 * report.html (requirement-entries.ts) but short: per requirement its first defects, each with
 * its count and first examples; the rest is counted and left to report.html.
 */
import { describeExchange } from './describe-finding.js';
import type { FindingGroup, FindingSection, Member } from './finding-groups.js';
import type { RequirementEntry, RequirementRef } from './requirement-entries.js';
import { defectTitle, findingLine, type ReportView } from './report-view.js';
import { mdCode, mdText, requirementCell } from './markdown-text.js';
import { notTestableText, requirementText } from './requirement-text.js';

/** Examples per defect, defects per requirement, requirements per section. */
const SUMMARY_LIMITS = { examples: 2, groups: 3, entries: 15 } as const;

function requirementLine(ref: RequirementRef, view: ReportView): string {
  const requirement = ref.requirement;
  if (!requirement) return `${mdCode(ref.id)}: ${view.t.entry.notInCatalogue}`;
  const note = notTestableText(requirement, view.lang);
  const notTestable = note ? ` (${mdText(view.t.entry.notTestable(note.text))})` : '';
  return `${requirementCell(requirement.id, requirement.clause)} (${view.t.level[requirement.level]}): ${mdText(requirementText(requirement, view.lang).text)}${notTestable}`;
}

function exampleLine(member: Member, group: FindingGroup, view: ReportView): string {
  const exchange = view.exchangeOf(member.finding?.exchange);
  const { where, message, parts: located } = findingLine(member, group, exchange);
  const parts = located.map((part) => `${view.t.location[part.label]} ${mdCode(part.value)}`);
  if (exchange) parts.push(`${view.t.exchange.title} ${mdCode(exchange.id)}: ${mdCode(describeExchange(exchange))}`);
  const said = [where === undefined ? '' : mdCode(where), message === undefined ? '' : mdText(message)].filter(Boolean).join(': ');
  return `  - ${said}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
}

function groupLines(group: FindingGroup, entry: RequirementEntry, view: ReportView): string[] {
  const { t } = view;
  const title = defectTitle(group, entry, t);
  const meta = [`${t.entry.check} ${mdCode(group.check)}`];
  if (entry.groups.length > 1) meta.unshift(t.entry.findingsAt(group.members.length, group.places.size, group.placeKind));
  if (group.code !== undefined) meta.push(`${t.entry.code} ${mdCode(group.code)}`);
  const lines = [`- **${mdText(title)}** — ${meta.join(' · ')}`];
  lines.push(...group.members.slice(0, SUMMARY_LIMITS.examples).map((member) => exampleLine(member, group, view)));
  const rest = group.members.length - SUMMARY_LIMITS.examples;
  if (rest > 0) lines.push(`  - ${t.entry.more(rest)}`);
  return lines;
}

function entryText(entry: RequirementEntry, view: ReportView): string {
  const { t } = view;
  const [first, ...others] = entry.requirements;
  const heading = first ? requirementLine(first, view) : '';
  const lines = [`### ${heading}`, ''];
  for (const other of others.slice(0, SUMMARY_LIMITS.entries)) lines.push(`${requirementLine(other, view)}  `);
  if (others.length > SUMMARY_LIMITS.entries) lines.push(`${t.entry.more(others.length - SUMMARY_LIMITS.entries)}  `);
  lines.push(`${t.entry.findingsAt(entry.findings, entry.places, entry.groups[0]?.placeKind ?? 'subject')}.`, '');
  for (const group of entry.groups.slice(0, SUMMARY_LIMITS.groups)) lines.push(...groupLines(group, entry, view));
  const hidden = entry.groups.slice(SUMMARY_LIMITS.groups);
  if (hidden.length > 0) lines.push(`- ${t.summary.moreGroups(hidden.length, hidden.reduce((sum, group) => sum + group.members.length, 0))}`);
  return lines.join('\n');
}

/** "## <section> (n)" with its first entries, in pieces; the notes as one line. */
export function* findingsSection(section: FindingSection, view: ReportView, count: number): Generator<string> {
  const { t } = view;
  const entries = view.sections[section];
  if (section === 'note') {
    if (count > 0) yield t.summary.notes(count);
    return;
  }
  const { title, lead, none } = t.sections[section];
  yield `## ${title} (${count})\n\n${entries.length > 0 ? lead : none}`;
  for (const entry of entries.slice(0, SUMMARY_LIMITS.entries)) yield `\n\n${entryText(entry, view)}`;
  if (entries.length > SUMMARY_LIMITS.entries) yield `\n\n${t.summary.moreEntries(entries.length - SUMMARY_LIMITS.entries)}`;
}
