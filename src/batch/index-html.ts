/**
 * index.html of a batch, rendered from index.json alone: a matrix of subjects (rows) × suites
 * (columns), each cell the verdict of one run with its failures and counts and a link to the
 * run's report.html. One self-contained document under report.html's frame (no script, no
 * request, CSP `default-src 'none'`) and style sheet.
 */
import { OUTCOMES } from '../model/outcome.js';
import { documentEnd, documentStart } from '../report/html/document.js';
import { code, html } from '../report/html/escape.js';
import { formatDate, messagesFor, type Language } from '../report/i18n/index.js';
import type { BatchIndex, BatchRun } from './batch-index.js';
import { batchMessagesFor, type BatchMessages } from './i18n/messages.js';

/** The outcome class of report.html's style sheet that colours a verdict. */
const VERDICT_CLASS = { conformant: 'outcome-passed', notConformant: 'outcome-failed', inconclusive: 'outcome-cantTell' } as const;

/** The values in first-seen order. */
const distinct = (values: readonly string[]): string[] => [...new Set(values)];

function cell(run: BatchRun | undefined, t: BatchMessages, lang: Language): string {
  if (!run) return `<td>${html(t.matrix.noRun)}</td>`;
  const { report, error } = run;
  if (!report) return `<td data-exit-code="${run.exitCode}"><span class="outcome-failed">${html(t.error)}</span><br><span class="meta">${html(error?.message ?? '')}</span></td>`;
  const labels = messagesFor(lang);
  const { counts, failed } = report;
  const outcomes = OUTCOMES.filter((outcome) => counts[outcome] > 0).map((outcome) => `${labels.outcome[outcome]} ${counts[outcome]}`);
  return [
    `<td data-exit-code="${run.exitCode}" data-verdict="${report.verdict}">`,
    `<a href="${html(report.html)}" class="${VERDICT_CLASS[report.verdict]}">${html(labels.verdict[report.verdict])}</a>`,
    report.complete ? '' : ` (${html(t.incomplete)})`,
    `<br><span class="meta">${html(t.failed(failed.MUST, failed.SHOULD, failed.MAY))}</span>`,
    `<br><span class="meta">${html(outcomes.join(' · '))}</span>`,
    `<br><span class="meta">${code(report.profile)}</span>`,
    '</td>',
  ].join('');
}

function matrix(index: BatchIndex, t: BatchMessages, lang: Language): string {
  const subjects = distinct(index.runs.map((run) => run.subject));
  const suites = distinct(index.runs.map((run) => run.suite));
  const runOf = new Map(index.runs.map((run) => [run.key, run]));
  const rows = subjects.map(
    (subject) => `<tr><th scope="row">${code(subject)}</th>${suites.map((suite) => cell(runOf.get(`${suite} ${subject}`), t, lang)).join('')}</tr>`,
  );
  return [
    `<p class="lead">${html(t.lead(index.runs.length, subjects.length, suites.length))}</p>`,
    '<table id="matrix">',
    `<caption>${html(t.matrix.caption)}</caption>`,
    `<thead><tr><th scope="col">${html(t.matrix.subject)}</th>${suites.map((suite) => `<th scope="col">${code(suite)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function facts(index: BatchIndex, t: BatchMessages, lang: Language): string {
  const { plan, shard } = index;
  const rows: Array<[string, string]> = [
    [t.facts.plan, `${code(plan.file)} <span class="hash">sha256 ${code(plan.sha256)}</span>`],
    [t.facts.shard, html(t.facts.shardOf(shard.index, shard.total, index.runs.length, plan.runs))],
    [t.facts.date, `<time datetime="${html(index.startedAt)}">${html(formatDate(index.startedAt, lang))}</time> – <time datetime="${html(index.finishedAt)}">${html(formatDate(index.finishedAt, lang))}</time>`],
    [t.facts.tool, html(`${index.tool.name} ${index.tool.version}`)],
    [t.facts.exitCode, html(index.exitCode)],
  ];
  return `<dl class="facts">\n${rows.map(([term, value]) => `<dt>${html(term)}</dt><dd>${value}</dd>`).join('\n')}\n</dl>`;
}

export function renderIndexHtml(index: BatchIndex, lang: Language): string {
  const t = batchMessagesFor(lang);
  const tool = `${index.tool.name} ${index.tool.version}`;
  return [
    documentStart(lang, t.title, tool),
    `<header><h1>${html(t.title)}</h1></header>\n<main>\n`,
    facts(index, t, lang),
    matrix(index, t, lang),
    '</main>\n',
    documentEnd(html(t.footer(tool))),
  ].join('\n');
}
