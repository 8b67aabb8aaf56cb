/**
 * What report.html and summary.md show, worked out once from the report: the catalogue of the
 * language, the findings by section and requirement, and the sentences of the verdict. Each
 * format renders the same view in its own markup.
 */
import type { Outcome } from '../model/outcome.js';
import type { Report, RequirementResult } from '../model/report.js';
import { exchangeLookup, locationParts, type ExchangeOf, type LocationPart } from './describe-finding.js';
import type { Exchange } from '../model/exchange.js';
import { FINDING_SECTIONS, groupFindings, whereOf, type FindingGroup, type FindingSection, type Member } from './finding-groups.js';
import { DEFAULT_LANGUAGE, messagesFor, type Language, type Messages, type RenderOptions } from './i18n/index.js';
import { indexRequirements, requirementEntries, type RequirementEntry } from './requirement-entries.js';

export interface ReportView {
  lang: Language;
  t: Messages;
  exchangeOf: ExchangeOf;
  sections: Record<FindingSection, RequirementEntry[]>;
}

export function reportView(report: Report, options: RenderOptions = {}): ReportView {
  const lang = options.lang ?? DEFAULT_LANGUAGE;
  const exchangeOf = exchangeLookup(report);
  const groups = groupFindings(report, exchangeOf);
  const index = indexRequirements(report);
  const sections = Object.fromEntries(FINDING_SECTIONS.map((section) => [section, requirementEntries(groups[section], index)])) as Record<
    FindingSection,
    RequirementEntry[]
  >;
  return { lang, t: messagesFor(lang), exchangeOf, sections };
}

/** How a format writes a value as text and as code, escaped for it. */
export interface Inline {
  text(value: string): string;
  code(value: string): string;
}

/** The requirements a section names, each once. */
function requirementCount(entries: readonly RequirementEntry[]): number {
  return new Set(entries.flatMap((entry) => entry.requirements.map((requirement) => requirement.id))).size;
}

/** Why a run is inconclusive, in the order the verdict (judge/verdict.ts) weighs it. */
function inconclusiveCauses(report: Report, t: Messages, inline: Inline): string[] {
  if (!report.complete) return [t.causes.interrupted(report.interruption === undefined ? undefined : inline.text(report.interruption))];
  const deciding = report.results.filter((result) => result.severity === 'error');
  const causes: string[] = [];
  const undecided = deciding.filter((result) => result.outcome === 'cantTell' || result.outcome === 'untested').length;
  if (undecided > 0) causes.push(t.causes.undecided(undecided));
  if (!deciding.some((result) => result.outcome === 'passed')) causes.push(t.causes.nothingExamined);
  const hosts = [...(report.stoppedHosts ?? []), ...(report.hostsNotFollowed ?? [])].map(({ host }) => inline.code(host));
  if (hosts.length > 0) causes.push(t.causes.hostUnexamined(hosts.join(', ')));
  return causes;
}

/** The verdict in one sentence. */
export function verdictSentence(report: Report, view: ReportView, inline: Inline): string {
  const { t } = view;
  return t.verdictSentence[report.verdict]({
    standard: inline.text(report.standard.title),
    profile: inline.code(report.profile.id),
    failedRequirements: requirementCount(view.sections.must),
    causes: report.verdict === 'inconclusive' ? inconclusiveCauses(report, t, inline) : [],
  });
}

/** Order of the requirement tables: what needs attention first. */
const DISPLAY_ORDER: readonly Outcome[] = ['failed', 'cantTell', 'untested', 'inapplicable', 'passed'];

export function requirementsInDisplayOrder(report: Report): RequirementResult[] {
  return [...report.requirements].sort((a, b) => DISPLAY_ORDER.indexOf(a.outcome) - DISPLAY_ORDER.indexOf(b.outcome));
}

/** The number a section's heading shows: the requirements it names; for notes, the findings. */
export function sectionCount(view: ReportView, section: FindingSection): number {
  const entries = view.sections[section];
  return section === 'note' ? entries.reduce((sum, entry) => sum + entry.findings, 0) : requirementCount(entries);
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What a defect is called: its message where all its findings have the same, else its pattern;
 * the title of its check where the message only repeats the text of its requirement (a
 * Schematron assert's message is the requirement).
 */
export function defectTitle(group: FindingGroup, entry: RequirementEntry, t: Messages): string {
  if (group.code === undefined) return t.entry.noFindings;
  const [only, ...others] = entry.requirements;
  const text = others.length === 0 ? only?.requirement?.text : undefined;
  if (group.message !== undefined && text !== undefined && normalised(group.message) === normalised(text)) return group.checkTitle;
  return group.message ?? group.pattern;
}

/** What is said of one finding of a defect. */
export interface FindingLine {
  /** Where it was seen (finding-groups.ts whereOf). */
  shown: string;
  /** Its message, unless the heading of its defect already says it. */
  message?: string;
  /** Where a short line needs to say it: unless the message names the place. */
  where?: string;
  /** The parts of its location that the place does not show already. */
  parts: LocationPart[];
}

export function findingLine(member: Member, group: FindingGroup, exchange: Exchange | undefined): FindingLine {
  const { place, shown } = whereOf(member, exchange);
  const parts = locationParts(member.finding?.location).filter((part) => part.label !== place.kind);
  const message = member.finding?.message;
  if (message === undefined || message === group.message) return { shown, where: shown, parts };
  return message.includes(shown) ? { shown, message, parts } : { shown, where: shown, message, parts };
}
