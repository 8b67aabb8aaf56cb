/**
 * The sections of report.html that say what went wrong, by requirement: its text and clause,
 * how many findings on how many objects, files or operations, and per defect the first
 * examples with their place, pointers and exchange; every other finding in a folded list.
 * Rendered a group at a time, the folded lists in slices: a run can have tens of thousands.
 */
import type { FindingSection, FindingGroup, Member } from '../finding-groups.js';
import type { LocationPart } from '../describe-finding.js';
import type { RequirementEntry, RequirementRef } from '../requirement-entries.js';
import { defectTitle, findingLine, type ReportView } from '../report-view.js';
import { clauseLink, code, html } from './escape.js';
import { exchangeDetails } from './exchange.js';
import { requirementTextHtml } from './requirement-text.js';

export const SECTION_IDS: Record<FindingSection, string> = { must: 'must', warning: 'warnings', cantTell: 'cant-tell', note: 'notes' };

/** Findings shown in full per defect; the rest are in its folded list. */
const EXAMPLES = 3;
/** List items per piece of the folded lists. */
const SLICE = 500;
/** Requirements named in full in an entry's heading; the rest are folded. */
const NAMED_REQUIREMENTS = 5;

/** A requirement's text, clause, class and outcome; its ID and level too where its entry names several. */
function requirementBlock(ref: RequirementRef, view: ReportView, named: boolean): string {
  const { t } = view;
  const requirement = ref.requirement;
  if (!requirement) return `<p>${named ? `${code(ref.id)}: ` : ''}${html(t.entry.notInCatalogue)}</p>`;
  const name = named ? `${code(requirement.id)} <span class="level">${html(t.level[requirement.level])}</span> ` : '';
  return [
    `<p class="text">${name}${requirementTextHtml(requirement, view)}</p>`,
    `<p class="meta">${clauseLink(requirement.clause, html(t.entry.clause))} · ${html(t.requirements.class)} ${code(requirement.class)} · ${html(t.requirements.outcome)}: ` +
      `<span class="outcome-${requirement.outcome}">${html(t.outcome[requirement.outcome])}</span></p>`,
  ].join('\n');
}

function entryHeading(entry: RequirementEntry, id: string, view: ReportView): string {
  const [first] = entry.requirements;
  const single = entry.requirements.length === 1 ? first?.requirement : undefined;
  const level = single ? ` <span class="level">${html(view.t.level[single.level])}</span>` : '';
  const ids = entry.requirements.slice(0, NAMED_REQUIREMENTS).map((ref) => html(ref.id)).join(', ');
  const more = entry.requirements.length > NAMED_REQUIREMENTS ? ` ${html(view.t.entry.more(entry.requirements.length - NAMED_REQUIREMENTS))}` : '';
  const blocks = entry.requirements.map((ref) => requirementBlock(ref, view, entry.requirements.length > 1));
  const named = blocks.slice(0, NAMED_REQUIREMENTS).join('\n');
  const folded = blocks.length > NAMED_REQUIREMENTS ? `\n<details><summary>${html(view.t.entry.more(blocks.length - NAMED_REQUIREMENTS))}</summary>${blocks.slice(NAMED_REQUIREMENTS).join('\n')}</details>` : '';
  const kind = entry.groups[0]?.placeKind ?? 'subject';
  return [
    `<article class="entry" id="${id}" aria-labelledby="${id}-title">`,
    `<h3 id="${id}-title">${ids}${more}${level}</h3>`,
    named + folded,
    `<p class="tally">${html(view.t.entry.findingsAt(entry.findings, entry.places, kind))}</p>`,
  ].join('\n');
}

function partsText(parts: LocationPart[], view: ReportView): string {
  return parts.map((part) => `${html(view.t.location[part.label])} ${code(part.value)}`).join(' · ');
}

function example(member: Member, group: FindingGroup, view: ReportView): string {
  const exchange = view.exchangeOf(member.finding?.exchange);
  const line = findingLine(member, group, exchange);
  const parts = partsText(line.parts, view);
  const lines = [`<li class="example">`, `<p class="where">${code(line.shown)}</p>`];
  if (line.message !== undefined) lines.push(`<p class="message">${html(line.message)}</p>`);
  if (parts) lines.push(`<p class="meta">${parts}</p>`);
  if (exchange) lines.push(exchangeDetails(exchange, view.t));
  else if (member.finding?.exchange !== undefined) lines.push(`<p class="meta">${html(view.t.exchange.title)} ${code(member.finding.exchange)} (${html(view.t.exchange.notInReport)})</p>`);
  lines.push('</li>');
  return lines.join('\n');
}

/** One line of a folded list: place and message (report-view.ts findingLine), pointers, exchange. */
function listItem(member: Member, group: FindingGroup, view: ReportView): string {
  const exchange = view.exchangeOf(member.finding?.exchange);
  const { where, message, parts: located } = findingLine(member, group, exchange);
  const said = [where === undefined ? '' : code(where), message === undefined ? '' : html(message)].filter(Boolean).join(' ');
  const parts = partsText(located, view);
  const seen = exchange ? ` <span class="meta">${code(exchange.id)} ${html(exchange.response ? String(exchange.response.status) : (exchange.error?.reason ?? ''))}</span>` : '';
  return `<li>${said}${parts ? ` <span class="meta">${parts}</span>` : ''}${seen}</li>`;
}

/** A defect: its heading, check and code, its count where its entry has several, its examples and the folded list of the rest. */
function* groupPieces(group: FindingGroup, entry: RequirementEntry, view: ReportView): Generator<string> {
  const counted = entry.groups.length > 1;
  const { t } = view;
  const meta = [`${html(t.entry.check)} ${code(group.check)} (${html(group.checkTitle)})`];
  if (group.code !== undefined) meta.push(`${html(t.entry.code)} ${code(group.code)}`);
  if (counted) meta.push(html(t.entry.findingsAt(group.members.length, group.places.size, group.placeKind)));
  yield [
    '<div class="group">',
    `<h4>${html(defectTitle(group, entry, view.t))}</h4>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
    `<ol class="examples" aria-label="${html(t.entry.examples)}">`,
    ...group.members.slice(0, EXAMPLES).map((member) => example(member, group, view)),
    '</ol>',
  ].join('\n');
  if (group.members.length > EXAMPLES) {
    yield `\n<details class="all"><summary>${html(t.entry.all(group.members.length))}</summary>\n<ol class="all">\n`;
    for (let start = 0; start < group.members.length; start += SLICE) {
      yield group.members
        .slice(start, start + SLICE)
        .map((member) => listItem(member, group, view))
        .join('\n');
      yield '\n';
    }
    yield '</ol>\n</details>';
  }
  yield '\n</div>\n';
}

export function* findingsSection(section: FindingSection, view: ReportView, count: number): Generator<string> {
  const id = SECTION_IDS[section];
  const { title, lead, none } = view.t.sections[section];
  const entries = view.sections[section];
  yield `<section id="${id}" aria-labelledby="${id}-title">\n<h2 id="${id}-title">${html(title)} (${count})</h2>\n<p class="lead">${html(lead)}</p>\n`;
  if (entries.length === 0) yield `<p class="none">${html(none)}</p>\n`;
  // Notes change no outcome: they are there to be looked up, folded.
  const folded = section === 'note' && entries.length > 0;
  if (folded) yield `<details><summary>${html(title)} (${count})</summary>\n`;
  for (const [index, entry] of entries.entries()) {
    yield entryHeading(entry, `${id}-${index + 1}`, view);
    for (const group of entry.groups) yield* groupPieces(group, entry, view);
    yield '</article>\n';
  }
  yield folded ? '</details>\n</section>\n' : '</section>\n';
}
