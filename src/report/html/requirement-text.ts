/**
 * A requirement's text in report.html (requirement-text.ts), and why konform cannot test it
 * where it cannot. Each is marked with its language where that is not the page's (WCAG 2.2
 * SC 3.1.2 Language of Parts), so that a screen reader speaks an English text in a German
 * report as English.
 */
import type { RequirementResult } from '../../model/report.js';
import type { ReportView } from '../report-view.js';
import { notTestableText, requirementText, type ShownText } from '../requirement-text.js';
import { html } from './escape.js';

function marked({ text, lang }: ShownText): string {
  return lang === undefined ? html(text) : `<span lang="${html(lang)}">${html(text)}</span>`;
}

export function requirementTextHtml(requirement: RequirementResult, view: ReportView): string {
  const note = notTestableText(requirement, view.lang);
  const notTestable = note ? ` (${view.t.entry.notTestable(marked(note))})` : '';
  return `${marked(requirementText(requirement, view.lang))}${notTestable}`;
}
