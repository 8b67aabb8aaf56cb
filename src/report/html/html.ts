/**
 * report.html: the report for people, one self-contained file that needs no script and makes
 * no request (document.ts). First the verdict and what was tested, then by importance the failed
 * MUST requirements, the warnings, what konform could not tell and the notes, each defect once
 * with a count, then the full requirement table. Rendered from the report alone, in pieces.
 */
import type { Report } from '../../model/report.js';
import type { RenderOptions } from '../i18n/index.js';
import { FINDING_SECTIONS } from '../finding-groups.js';
import { reportView, sectionCount, type ReportView } from '../report-view.js';
import { documentEnd, documentStart } from './document.js';
import { html } from './escape.js';
import { findingsSection, SECTION_IDS } from './findings.js';
import { banner, overview } from './overview.js';
import { requirementsTable } from './requirements-table.js';

function navigation(report: Report, view: ReportView): string {
  const { t } = view;
  const links: Array<[string, string]> = [
    ['overview', t.facts.overview],
    ...FINDING_SECTIONS.map((section): [string, string] => [SECTION_IDS[section], `${t.sections[section].title} (${sectionCount(view, section)})`]),
    ['requirements', `${t.requirements.title} (${report.requirements.length})`],
  ];
  return `<nav aria-label="${html(t.contents)}"><ul>${links.map(([id, label]) => `<li><a href="#${id}">${html(label)}</a></li>`).join('')}</ul></nav>`;
}

export function* htmlChunks(report: Report, options: RenderOptions = {}): Generator<string> {
  const view = reportView(report, options);
  const { t } = view;
  const title = `konform: ${t.verdict[report.verdict]} — ${report.suite.title} ${report.suite.version}`;
  yield documentStart(view.lang, title, `${report.tool.name} ${report.tool.version}`);
  yield `${banner(report, view)}\n${navigation(report, view)}\n<main>\n`;
  yield* overview(report, view);
  for (const section of FINDING_SECTIONS) yield* findingsSection(section, view, sectionCount(view, section));
  yield* requirementsTable(report, view);
  yield '</main>\n';
  yield documentEnd(html(t.footer(`${report.tool.name} ${report.tool.version}`)));
}
