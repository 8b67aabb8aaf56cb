/**
 * The findings of a report as people read them: each finding falls in one section — a failed
 * MUST (it decides the verdict), a warning (a failed SHOULD or MAY), cantTell (konform could not
 * decide), or a note — and the findings of one check, code, rule and message pattern are one
 * defect with a count, however many objects, files or operations it was seen on. Every finding
 * stays in its group, in report order, and no failed or cantTell result goes unshown.
 */
import { blocksCheck, failureLevel, isMustFailure } from '../judge/judgement.js';
import type { Finding } from '../model/types.js';
import type { CheckResult, Report } from '../model/report.js';
import type { Exchange } from '../model/exchange.js';
import { exchangeLookup, type ExchangeOf } from './describe-finding.js';
import { messagePattern } from './message-pattern.js';

export const FINDING_SECTIONS = ['must', 'warning', 'cantTell', 'note'] as const;
export type FindingSection = (typeof FINDING_SECTIONS)[number];

/** One finding with its result; `finding` is absent for a failed or cantTell result that recorded none. */
export interface Member {
  result: CheckResult;
  finding?: Finding;
}

/** What a defect was seen on: files, operations, URLs (objects, pages), or the subjects of a check. */
export type PlaceKind = 'file' | 'operation' | 'url' | 'subject';

export interface Place {
  kind: PlaceKind;
  value: string;
}

export interface FindingGroup {
  section: FindingSection;
  check: string;
  checkTitle: string;
  /** The finding code; absent for a result without findings. */
  code?: string;
  rule?: string;
  /** The message with its varying parts as "…" (message-pattern.ts); empty for a result without findings. */
  pattern: string;
  /** The message every member has, where they all have the same; absent where they differ or have none. */
  message?: string;
  members: Member[];
  /** The different places the members were seen on ("<kind> <value>"), and what kind of place most of them are. */
  places: Set<string>;
  placeKind: PlaceKind;
}

/** The section a finding of a result falls in. */
export function sectionOf(result: CheckResult, finding?: Finding): FindingSection {
  if (result.outcome === 'cantTell' || finding?.undecided) return 'cantTell';
  if (finding === undefined) return isMustFailure(result) ? 'must' : result.outcome === 'failed' ? 'warning' : 'note';
  if (result.outcome === 'failed' && blocksCheck(finding)) return isMustFailure(result) ? 'must' : 'warning';
  if (finding.severity === 'warning') return 'warning';
  if (result.outcome === 'failed' && failureLevel(result) === 'MAY') return 'warning';
  return 'note';
}

/** Where a finding was seen: its file, else its operation, else the URL of its exchange, else its result's subject. */
function placeOf(member: Member, exchange: Exchange | undefined): Place {
  const location = member.finding?.location;
  if (location?.file !== undefined) return { kind: 'file', value: location.file };
  if (location?.operation !== undefined) return { kind: 'operation', value: location.operation };
  if (exchange) return { kind: 'url', value: exchange.request.url };
  return { kind: 'subject', value: member.result.subject?.id ?? member.result.id };
}

/** A member's place as shown: a file with line and column, a URL, an operation or a subject. */
export function whereOf(member: Member, exchange: Exchange | undefined): { place: Place; shown: string } {
  const place = placeOf(member, exchange);
  const location = member.finding?.location;
  if (place.kind !== 'file' || location?.line === undefined) return { place, shown: place.value };
  return { place, shown: [place.value, location.line, location.column].filter((part) => part !== undefined).join(':') };
}

function groupKey(section: FindingSection, member: Member, pattern: string): string {
  const { result, finding } = member;
  return [section, result.check, finding?.code ?? '', finding?.rule ?? '', pattern].join('\u0000');
}

/** Adds the place to the group's; the kind of place the group shows is the kind most of its places are. */
function addPlace(group: FindingGroup, kinds: Record<PlaceKind, number>, place: Place): void {
  const key = `${place.kind} ${place.value}`;
  if (group.places.has(key)) return;
  group.places.add(key);
  kinds[place.kind] += 1;
  if (kinds[place.kind] > kinds[group.placeKind]) group.placeKind = place.kind;
}

/**
 * The findings of every result, each with its section; a failed result none of whose findings
 * says why it failed, and a cantTell result without findings, also stand as a member of their own.
 */
function* membersOf(report: Report): Generator<Member & { section: FindingSection }> {
  for (const result of report.results) {
    let explained = result.outcome !== 'failed' && result.outcome !== 'cantTell';
    for (const finding of result.findings) {
      const section = sectionOf(result, finding);
      explained ||= result.outcome === 'cantTell' || section === 'must' || section === 'warning';
      yield { result, finding, section };
    }
    if (!explained) yield { result, section: sectionOf(result) };
  }
}

/** Every finding of the report in its group; groups per section, the largest first, ties in report order. */
export function groupFindings(report: Report, exchangeOf: ExchangeOf = exchangeLookup(report)): Record<FindingSection, FindingGroup[]> {
  const groups = new Map<string, { group: FindingGroup; kinds: Record<PlaceKind, number> }>();
  for (const { section, ...member } of membersOf(report)) {
    const pattern = member.finding ? messagePattern(member.finding.message) : '';
    const key = groupKey(section, member, pattern);
    let entry = groups.get(key);
    if (!entry) {
      const { result, finding } = member;
      const group: FindingGroup = {
        section, check: result.check, checkTitle: result.title, pattern, members: [], places: new Set(), placeKind: 'subject',
        ...(finding ? { code: finding.code, message: finding.message } : {}),
        ...(finding?.rule !== undefined ? { rule: finding.rule } : {}),
      };
      groups.set(key, (entry = { group, kinds: { file: 0, operation: 0, url: 0, subject: 0 } }));
    }
    entry.group.members.push(member);
    if (entry.group.message !== undefined && member.finding?.message !== entry.group.message) delete entry.group.message;
    addPlace(entry.group, entry.kinds, placeOf(member, exchangeOf(member.finding?.exchange)));
  }
  const sections: Record<FindingSection, FindingGroup[]> = { must: [], warning: [], cantTell: [], note: [] };
  for (const { group } of groups.values()) sections[group.section].push(group);
  for (const list of Object.values(sections)) list.sort((a, b) => b.members.length - a.members.length);
  return sections;
}
