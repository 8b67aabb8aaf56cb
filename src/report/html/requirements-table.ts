/**
 * The full requirement table of report.html, what needs attention first: every requirement
 * of the standard with its level, class, outcome, the checks that verify it and its text
 * (requirement-text.ts). Folded when long, in slices of rows.
 */
import type { Report, RequirementResult } from '../../model/report.js';
import { requirementsInDisplayOrder, type ReportView } from '../report-view.js';
import { clauseLink, code, html } from './escape.js';
import { requirementTextHtml } from './requirement-text.js';

/** Tables up to this many rows are shown open. */
const OPEN_ROWS = 200;
const SLICE = 500;

function row(requirement: RequirementResult, view: ReportView): string {
  const { t } = view;
  return (
    `<tr data-outcome="${requirement.outcome}"><th scope="row">${clauseLink(requirement.clause, html(requirement.id))}</th>` +
    `<td>${html(t.level[requirement.level])}</td><td>${code(requirement.class)}</td>` +
    `<td class="outcome-${requirement.outcome}">${html(t.outcome[requirement.outcome])}</td>` +
    `<td>${requirement.checks.map(code).join(', ')}</td><td class="text">${requirementTextHtml(requirement, view)}</td></tr>`
  );
}

export function* requirementsTable(report: Report, view: ReportView): Generator<string> {
  const { t } = view;
  const rows = requirementsInDisplayOrder(report);
  const columns = [t.requirements.id, t.requirements.level, t.requirements.class, t.requirements.outcome, t.requirements.checks, t.requirements.text];
  yield [
    '<section id="requirements" aria-labelledby="requirements-title">',
    `<h2 id="requirements-title">${html(t.requirements.title)} (${rows.length})</h2>`,
    `<details class="table"${rows.length <= OPEN_ROWS ? ' open' : ''}><summary>${html(t.requirements.table(rows.length))}</summary>`,
    `<table>\n<thead><tr>${columns.map((column) => `<th scope="col">${html(column)}</th>`).join('')}</tr></thead>\n<tbody>\n`,
  ].join('\n');
  for (let start = 0; start < rows.length; start += SLICE) {
    yield `${rows.slice(start, start + SLICE).map((requirement) => row(requirement, view)).join('\n')}\n`;
  }
  yield '</tbody>\n</table>\n</details>\n</section>\n';
}
