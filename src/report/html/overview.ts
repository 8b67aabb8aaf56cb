/**
 * The first screen of report.html: the verdict in one sentence, what stood in the way of a
 * complete run, what was tested (subject, suite, standard, profile, with their hashes), when and
 * by which tool, whether complete and signed, and the counts of outcomes.
 */
import { countOutcomes, OUTCOMES } from '../../model/outcome.js';
import type { Report } from '../../model/report.js';
import { failuresByLevel } from '../../judge/judgement.js';
import { formatDate } from '../i18n/index.js';
import { verdictSentence, type Inline, type ReportView } from '../report-view.js';
import { crawlLine, crawlNotices } from '../crawl-lines.js';
import { trafficLine } from '../traffic-line.js';
import { code, html } from './escape.js';

const INLINE: Inline = { text: html, code };

function notices(report: Report, view: ReportView): string[] {
  const { t } = view;
  const lines: string[] = [];
  lines.push(...crawlNotices(report, t, INLINE));
  if (!report.complete) lines.push(t.notices.incomplete(report.interruption === undefined ? undefined : html(report.interruption)));
  for (const { reason } of report.stoppedHosts ?? []) lines.push(t.notices.hostStopped(html(reason)));
  for (const { host, links, example, flag } of report.hostsNotFollowed ?? []) {
    lines.push(t.notices.notFollowed(code(host), links, code(example), flag === undefined ? undefined : code(flag)));
  }
  return lines.map((line) => `<p class="notice">${line}</p>`);
}

export function banner(report: Report, view: ReportView): string {
  const { t } = view;
  return [
    '<header>',
    `<div class="verdict verdict-${report.verdict}">`,
    `<p class="kicker">${html(t.reportTitle)} · ${html(`${report.suite.title} ${report.suite.version}`)}</p>`,
    `<p class="label" id="verdict-label">${html(t.verdict[report.verdict])}</p>`,
    `<h1 id="verdict">${verdictSentence(report, view, INLINE)}</h1>`,
    '</div>',
    ...notices(report, view),
    '</header>',
  ].join('\n');
}

const hash = (label: string, value: string) => `<span class="hash">${html(label)} ${code(value)}</span>`;

function subject(report: Report, view: ReportView): string {
  const { t } = view;
  const { url, files, spec } = report.target;
  const parts: string[] = [];
  if (url !== undefined) parts.push(code(url));
  if (spec) {
    const described = [spec.title, spec.version, spec.openapi && `OpenAPI ${spec.openapi}`].filter(Boolean).join(' ');
    parts.push(`${html(t.facts.spec)} ${code(spec.path)}${described ? ` (${html(described)})` : ''} ${hash('sha256', spec.sha256)}`);
  }
  for (const document of report.target.fetchedDocuments ?? []) {
    parts.push(`${html(t.facts.fetchedDocument)} ${code(document.url)} ${hash('sha256', document.sha256)}`);
  }
  if (files?.length) parts.push(`${html(t.facts.files(files.length))} (<a href="#files">${html(t.facts.allFiles(files.length))}</a>)`);
  return parts.join('<br>') || html(t.facts.files(0));
}

function standardFact(standard: Report['standard'], manifest: string): string {
  return `${code(standard.id)} ${html(standard.version)} — ${html(standard.title)}<br>${hash(manifest, standard.manifestSha256)}`;
}

function facts(report: Report, view: ReportView): string {
  const { t, lang } = view;
  const { suite, profile } = report;
  const rows: Array<[string, string]> = [
    [t.facts.subject, subject(report, view)],
    ...(report.shard ? [[t.facts.shard, html(t.facts.shardOf(report.shard.index, report.shard.total, report.shard.items))] as [string, string]] : []),
    [t.facts.suite, `${code(suite.id)} ${html(suite.version)} — ${html(suite.title)}<br>${hash('sha256', suite.sha256)}`],
    [t.facts.standard, standardFact(report.standard, t.facts.manifestSha256)],
    ...(report.referencedStandards ?? []).map((other): [string, string] => [t.facts.alsoJudgedBy, standardFact(other, t.facts.manifestSha256)]),
    [t.facts.profile, `${code(profile.id)} — ${html(profile.title)}<br>${html(t.facts.classes)}: ${profile.classes.map(code).join(', ')}`],
    [
      t.facts.date,
      `<time datetime="${html(report.startedAt)}">${html(formatDate(report.startedAt, lang))}</time> – ` +
        `<time datetime="${html(report.finishedAt)}">${html(formatDate(report.finishedAt, lang))}</time> (${html(t.facts.duration(report.durationMs / 1000))})`,
    ],
    ...(report.crawls ?? []).map((crawl): [string, string] => [t.facts.crawl, crawlLine(crawl, t)]),
    ...(report.traffic?.hosts ?? []).map((traffic): [string, string] => [t.facts.traffic, trafficLine(traffic, t, code(traffic.host))]),
    [t.facts.tool, `${html(report.tool.name)} ${html(report.tool.version)}`],
    [t.facts.complete, html(report.complete ? t.facts.yes : t.facts.no)],
    [t.facts.signature, report.signer ? `${t.facts.signedBy(code(report.signer.keyid))} (${html(report.signer.algorithm)})` : html(t.facts.notSigned)],
    [t.facts.verdict, `${html(t.verdict[report.verdict])} (${html(t.facts.exitCode(report.exitCode))})`],
  ];
  return `<dl class="facts">\n${rows.map(([term, value]) => `<dt>${html(term)}</dt><dd>${value}</dd>`).join('\n')}\n</dl>`;
}

function counts(report: Report, view: ReportView): string {
  const { t } = view;
  const requirements = countOutcomes(report.requirements.map((requirement) => requirement.outcome));
  const row = (label: string, outcome: string, byRequirement: number, byCheck: number) =>
    `<tr data-outcome="${outcome}"><th scope="row">${html(label)}</th><td class="number">${byRequirement}</td><td class="number">${byCheck}</td></tr>`;
  const failed = failuresByLevel(report.results);
  return [
    '<table class="counts" id="counts">',
    `<caption>${html(t.counts.caption)}</caption>`,
    `<thead><tr><th scope="col">${html(t.counts.outcome)}</th><th scope="col" class="number">${html(t.counts.requirements)}</th><th scope="col" class="number">${html(t.counts.checks)}</th></tr></thead>`,
    '<tbody>',
    ...OUTCOMES.map((outcome) => row(t.outcome[outcome], outcome, requirements[outcome], report.counts[outcome])),
    row(t.counts.total, 'total', report.requirements.length, report.results.length),
    '</tbody>',
    '</table>',
    `<p>${html(t.counts.failedChecks(failed.MUST, failed.SHOULD, failed.MAY))}</p>`,
  ].join('\n');
}

/** List items per piece of the list of files. */
const SLICE = 1000;

/** The files of a run, folded, in slices: a run can have tens of thousands. */
function* fileList(files: readonly string[], view: ReportView): Generator<string> {
  if (files.length === 0) return;
  yield `<details id="files"><summary>${html(view.t.facts.allFiles(files.length))}</summary>\n<ol>\n`;
  for (let start = 0; start < files.length; start += SLICE) {
    yield `${files.slice(start, start + SLICE).map((file) => `<li>${code(file)}</li>`).join('\n')}\n`;
  }
  yield '</ol>\n</details>\n';
}

export function* overview(report: Report, view: ReportView): Generator<string> {
  yield [
    '<section id="overview" aria-labelledby="overview-title">',
    `<h2 id="overview-title">${html(view.t.facts.overview)}</h2>`,
    facts(report, view),
    counts(report, view),
    '',
  ].join('\n');
  yield* fileList(report.target.files ?? [], view);
  yield '</section>\n';
}
