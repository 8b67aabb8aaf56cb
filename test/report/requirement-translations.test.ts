/**
 * Requirement texts stay in the language of the standard's catalogue, with the catalogue's own
 * translation where it gives one: report.json carries the text, its language and the
 * translations; report.html and summary.md show the translation into the report's language
 * where there is one, else the text as written, and report.html marks a text in another
 * language than the page's with `lang` (WCAG 2.2 SC 3.1.2). Older reports without the fields
 * still validate and render as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, RequirementResult } from '../../src/model/report.js';
import { htmlChunks } from '../../src/report/html/html.js';
import { summaryChunks } from '../../src/report/markdown.js';
import { validateReport } from '../../src/report/validate-report.js';
import { sampleReport } from '../helpers/sample-report.js';
import { oparlRun } from './real-runs.js';

const renderHtml = (report: Report, lang: 'de' | 'en') => [...htmlChunks(report, { lang })].join('');
const renderSummary = (report: Report, lang: 'de' | 'en') => [...summaryChunks(report, { lang })].join('');

/** The failed MUST of the OParl 1.1 run against the mutant whose IDs are not its URLs. */
const FAILED = 'OPARL-URL-PATH-CANONICAL';
const FAILED_DE =
  'Zur kanonischen Schreibweise des Pfads müssen auch die Groß- und Kleinschreibung, die Anzahl der Schrägstriche und die Anzahl führender Nullen vor numerischen Bestandteilen gehören.';
const FAILED_EN =
  'The canonical spelling of the path includes letter case, the number of slashes and the number of leading zeros of numeric parts.';

/** The requirement table's row of `id`. */
function tableRow(html: string, id: string): string {
  const rows = html.slice(html.indexOf('<section id="requirements"')).split('\n');
  const row = rows.find((line) => line.includes(`>${id}</a></th>`));
  if (!row) throw new Error(`no row of ${id}`);
  return row;
}

/** A copy of the report as read back from report.json, with `change` applied to the requirement `id`. */
function withRequirement(report: Report, id: string, change: (requirement: RequirementResult) => void): Report {
  const copy = JSON.parse(JSON.stringify(report)) as Report;
  change(copy.requirements.find((requirement) => requirement.id === id) as RequirementResult);
  return copy;
}

describe('requirement texts and their translations', () => {
  let report: Report;
  beforeAll(async () => {
    report = JSON.parse(JSON.stringify(await oparlRun())) as Report;
  }, 120_000);

  it('report.json carries the English text of each OParl 1.1 requirement, its language and the German translation, and validates', () => {
    const failed = report.requirements.find((requirement) => requirement.id === FAILED);
    expect(failed).toMatchObject({ outcome: 'failed', text: FAILED_EN, textLanguage: 'en', translations: { de: FAILED_DE } });
    expect(report.requirements.every((requirement) => requirement.textLanguage === 'en' && requirement.translations?.['de'])).toBe(true);
    expect(validateReport(report)).toEqual([]);
  });

  it('a German report shows the German translation, unmarked, where the failure is told and in the requirement table', () => {
    const html = renderHtml(report, 'de');
    const entry = html.slice(html.indexOf('<section id="must"'), html.indexOf('</section>', html.indexOf('<section id="must"')));
    expect(entry).toContain(`<p class="text">${FAILED_DE}</p>`);
    expect(tableRow(html, FAILED)).toContain(`<td class="text">${FAILED_DE}</td>`);
    expect(html).not.toContain(FAILED_EN);
    expect(renderSummary(report, 'de')).toContain(FAILED_DE);
  });

  it('an English report shows the English text, unmarked', () => {
    const html = renderHtml(report, 'en');
    expect(tableRow(html, FAILED)).toContain(`<td class="text">${FAILED_EN}</td>`);
    expect(html).not.toContain(FAILED_DE);
    expect(html).not.toContain('<span lang=');
    const summary = renderSummary(report, 'en');
    expect(summary).toContain(FAILED_EN);
    expect(summary).not.toContain(FAILED_DE);
  });

  it('a German report marks a requirement without a German translation, and a reason it cannot be tested, with lang="en"', () => {
    const untranslated = withRequirement(report, FAILED, (requirement) => delete requirement.translations);
    expect(validateReport(untranslated)).toEqual([]);
    const html = renderHtml(untranslated, 'de');
    expect(tableRow(html, FAILED)).toContain(`<td class="text"><span lang="en">${FAILED_EN}</span></td>`);
    expect(html).toContain(`<p class="text"><span lang="en">${FAILED_EN}</span></p>`);
    expect(renderSummary(untranslated, 'de')).toContain(FAILED_EN);

    expect(tableRow(renderHtml(report, 'de'), 'OPARL-URL-ONE-DOMAIN')).toContain(
      '<td class="text">Ein Server sollte nur über eine bestimmte Domain erreichbar sein und nicht über weitere, nicht kanonische URLs. ' +
        '(nicht prüfbar: <span lang="en">konform cannot enumerate the other names or addresses under which a server answers.</span>)</td>',
    );
  });

  it('a German text in an English report is marked lang="de"', () => {
    const german = withRequirement(report, FAILED, (requirement) => {
      requirement.text = FAILED_DE;
      requirement.textLanguage = 'de';
      delete requirement.translations;
    });
    expect(tableRow(renderHtml(german, 'en'), FAILED)).toContain(`<td class="text"><span lang="de">${FAILED_DE}</span></td>`);
    expect(tableRow(renderHtml(german, 'de'), FAILED)).toContain(`<td class="text">${FAILED_DE}</td>`);
  });

  it('matches languages by their primary tag, without regard to case: de-CH is German, EN-gb is English', () => {
    const regional = withRequirement(report, FAILED, (requirement) => {
      requirement.textLanguage = 'EN-gb';
      requirement.translations = { 'de-CH': FAILED_DE };
    });
    expect(validateReport(regional)).toEqual([]);
    expect(tableRow(renderHtml(regional, 'de'), FAILED)).toContain(`<td class="text">${FAILED_DE}</td>`);
    expect(tableRow(renderHtml(regional, 'en'), FAILED)).toContain(`<td class="text">${FAILED_EN}</td>`);
  });

  it('an older report.json, without textLanguage and translations, validates and renders its texts as written, unmarked', () => {
    const older = sampleReport();
    expect(older.requirements.some((requirement) => 'textLanguage' in requirement || 'translations' in requirement)).toBe(false);
    expect(validateReport(older)).toEqual([]);
    const html = renderHtml(older, 'de');
    expect(tableRow(html, 'OPARL-SYS-1')).toContain('<td class="text">Requirement OPARL-SYS-1 | with a pipe</td>');
    expect(html).not.toContain('<span lang=');
    expect(renderSummary(older, 'de')).toContain('Requirement OPARL-HTTP-2 \\| with a pipe');
  });

  it('report.json refuses a malformed language tag, as the text\'s language or as a translation\'s', () => {
    const badLanguage = withRequirement(report, FAILED, (requirement) => (requirement.textLanguage = 'english'));
    const index = report.requirements.findIndex((requirement) => requirement.id === FAILED);
    expect(validateReport(badLanguage)).toContain(`/requirements/${index}/textLanguage: must match pattern "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"`);
    const badTranslation = withRequirement(report, FAILED, (requirement) => (requirement.translations = { de_DE: FAILED_DE }));
    expect(validateReport(badTranslation)).toContain(`/requirements/${index}/translations: property name must be valid`);
  });
});
