/**
 * summary.md: short, in the order of report.html — the verdict in one sentence and what stood
 * in the way of a complete run, what was tested with versions and hashes, the counts, then by
 * importance the failed MUST requirements, the warnings and what konform could not tell, each
 * defect once with its count and first examples, and the requirements that did not pass.
 * Everything else is counted and left to report.html and report.json. In the run's language.
 */
import { countOutcomes, OUTCOMES } from '../model/outcome.js';
import { failuresByLevel } from '../judge/judgement.js';
import type { Report } from '../model/report.js';
import { FINDING_SECTIONS } from './finding-groups.js';
import { formatDate, type RenderOptions } from './i18n/index.js';
import { findingsSection } from './markdown-findings.js';
import { mdCode, mdTable, mdText, requirementCell } from './markdown-text.js';
import { requirementsInDisplayOrder, reportView, sectionCount, verdictSentence, type Inline, type ReportView } from './report-view.js';
import { requirementText } from './requirement-text.js';
import { crawlLine, crawlNotices } from './crawl-lines.js';
import { trafficLine } from './traffic-line.js';

const INLINE: Inline = { text: mdText, code: (value) => mdCode(value) };

/** Rows of the table of requirements that did not pass. */
const NOT_PASSED_ROWS = 30;

function title(report: Report, view: ReportView): string {
  const { t } = view;
  const lines = [`# konform: ${t.verdict[report.verdict]} — ${mdText(report.suite.title)} ${mdText(report.suite.version)}`, verdictSentence(report, view, INLINE)];
  for (const line of crawlNotices(report, t, INLINE)) lines.push(`> ${line}`);
  if (!report.complete) lines.push(`> ${t.notices.incomplete(report.interruption === undefined ? undefined : mdText(report.interruption))}`);
  for (const { reason } of report.stoppedHosts ?? []) lines.push(`> ${t.notices.hostStopped(mdText(reason))}`);
  for (const { host, links, example, flag } of report.hostsNotFollowed ?? []) {
    lines.push(`> ${t.notices.notFollowed(mdCode(host), links, mdCode(example), flag === undefined ? undefined : mdCode(flag))}`);
  }
  return lines.join('\n\n');
}

function subjectCell(report: Report, view: ReportView): string {
  const { t } = view;
  const { url, spec, files } = report.target;
  const parts: string[] = [];
  if (url !== undefined) parts.push(mdCode(url, true));
  if (spec) {
    const described = [spec.title, spec.version, spec.openapi && `OpenAPI ${spec.openapi}`].filter(Boolean).join(' ');
    parts.push(`${t.facts.spec} ${mdCode(spec.path, true)}${described ? ` (${mdText(described)})` : ''} sha256 ${mdCode(spec.sha256, true)}`);
  }
  for (const document of report.target.fetchedDocuments ?? []) {
    parts.push(`${t.facts.fetchedDocument} ${mdCode(document.url, true)} sha256 ${mdCode(document.sha256, true)}`);
  }
  if (files?.length) parts.push(t.facts.files(files.length));
  return parts.join('; ') || t.facts.files(0);
}

function standardCell(standard: Report['standard'], view: ReportView): string {
  return `${mdCode(standard.id, true)} ${mdText(standard.version)} — ${mdText(standard.title)}, ${view.t.facts.manifestSha256} ${mdCode(standard.manifestSha256, true)}`;
}

function factsTable(report: Report, view: ReportView): string {
  const { t, lang } = view;
  const { suite, profile } = report;
  const rows = [
    [t.facts.verdict, `**${t.verdict[report.verdict]}** (${t.facts.exitCode(report.exitCode)})`],
    [t.facts.subject, subjectCell(report, view)],
    ...(report.shard ? [[t.facts.shard, mdText(t.facts.shardOf(report.shard.index, report.shard.total, report.shard.items))]] : []),
    [t.facts.suite, `${mdCode(suite.id, true)} ${mdText(suite.version)} — ${mdText(suite.title)}, sha256 ${mdCode(suite.sha256, true)}`],
    [t.facts.standard, standardCell(report.standard, view)],
    ...(report.referencedStandards ?? []).map((other) => [t.facts.alsoJudgedBy, standardCell(other, view)]),
    [t.facts.profile, `${mdCode(profile.id, true)} — ${mdText(profile.title)}; ${t.facts.classes} ${profile.classes.map((id) => mdCode(id, true)).join(', ')}`],
    [t.facts.date, `${mdText(formatDate(report.startedAt, lang))} – ${mdText(formatDate(report.finishedAt, lang))} (${t.facts.duration(report.durationMs / 1000)})`],
    ...(report.crawls ?? []).map((crawl) => [t.facts.crawl, crawlLine(crawl, t)]),
    ...(report.traffic?.hosts ?? []).map((traffic) => [t.facts.traffic, trafficLine(traffic, t, mdCode(traffic.host, true))]),
    [t.facts.tool, `${report.tool.name} ${mdText(report.tool.version)}`],
    [t.facts.complete, report.complete ? t.facts.yes : `**${t.facts.no}**`],
    [t.facts.signature, report.signer ? `${t.facts.signedBy(mdCode(report.signer.keyid, true))} (${report.signer.algorithm})` : t.facts.notSigned],
  ];
  return mdTable(['', ''], rows);
}

function countsTable(report: Report, view: ReportView): string {
  const { t } = view;
  const requirementCounts = countOutcomes(report.requirements.map((requirement) => requirement.outcome));
  const rows = OUTCOMES.map((outcome) => [t.outcome[outcome], String(requirementCounts[outcome]), String(report.counts[outcome])]);
  rows.push([t.counts.total, String(report.requirements.length), String(report.results.length)]);
  const failed = failuresByLevel(report.results);
  return `## ${t.counts.caption}\n\n${mdTable([t.counts.outcome, t.counts.requirements, t.counts.checks], rows, ['left', 'right', 'right'])}\n\n${t.counts.failedChecks(failed.MUST, failed.SHOULD, failed.MAY)}`;
}

/** The requirements that failed or could not be told, and the others counted. */
function notPassed(report: Report, view: ReportView): string {
  const { t } = view;
  const all = requirementsInDisplayOrder(report);
  const isShown = (requirement: { outcome: string }) => requirement.outcome === 'failed' || requirement.outcome === 'cantTell';
  const shown = all.filter(isShown);
  const rows = shown.slice(0, NOT_PASSED_ROWS).map((requirement) => [
    requirementCell(requirement.id, requirement.clause),
    t.level[requirement.level],
    requirement.outcome === 'failed' ? `**${t.outcome.failed}**` : t.outcome[requirement.outcome],
    requirement.checks.map((check) => mdCode(check, true)).join(', '),
    mdText(requirementText(requirement, view.lang).text),
  ]);
  const others = countOutcomes(all.filter((requirement) => !isShown(requirement)).map((requirement) => requirement.outcome));
  const counted = OUTCOMES.filter((outcome) => others[outcome] > 0).map((outcome) => `${others[outcome]} ${t.outcome[outcome]}`);
  const parts = [`## ${t.requirements.notPassed} (${shown.length})`];
  if (rows.length > 0) parts.push(mdTable([t.requirements.id, t.requirements.level, t.requirements.outcome, t.requirements.checks, t.requirements.text], rows));
  if (shown.length > NOT_PASSED_ROWS) parts.push(t.summary.moreRows(shown.length - NOT_PASSED_ROWS));
  if (counted.length > 0) parts.push(t.requirements.others(counted.join(', ')));
  return parts.join('\n\n');
}

/** Sections in pieces, each section's first piece after a blank line; an empty section leaves nothing. */
function* joinSections(sections: Iterable<Iterable<string>>): Generator<string> {
  let started = false;
  for (const section of sections) {
    let opening = true;
    for (const piece of section) {
      yield opening && started ? `\n\n${piece}` : piece;
      opening = false;
      started = true;
    }
  }
}

export function* summaryChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  const view = reportView(report, options);
  yield* joinSections([
    [title(report, view)],
    [factsTable(report, view)],
    [countsTable(report, view)],
    ...FINDING_SECTIONS.map((section) => findingsSection(section, view, sectionCount(view, section))),
    [notPassed(report, view)],
    [view.t.whereEverything],
  ]);
  yield '\n';
}
