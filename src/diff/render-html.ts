/**
 * A diff as one self-contained HTML page: no scripts and no requests (its Content-Security-Policy
 * allows its own style sheet, by hash, and nothing else). The same order as the other forms; every
 * new and gone finding is listed, folded per group. Every value is escaped.
 */
import { createHash } from 'node:crypto';
import { printable } from '../report/printable.js';
import { escapeXmlAttribute, escapeXmlText } from '../report/xml-text.js';
import { changeSections, changeText, findingPlace, findingSections, resultPrefix, runRows, summaryText, type ChangeLine } from './sections.js';
import type { Diff } from './types.js';

const text = (value: string): string => escapeXmlText(printable(value));
const attribute = (value: string): string => escapeXmlAttribute(printable(value));

const STYLE = [
  'body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1a1a1a}',
  'table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  '.note{border-left:4px solid #b35c00;background:#fff4e5;padding:.5rem 1rem}',
  '.failed{color:#a00}.passed{color:#060}.cantTell{color:#7a5b00}',
  'code{font-size:90%}li{margin:.2rem 0}summary{cursor:pointer}',
  '@media print{body{margin:0;max-width:none}}',
].join('');

const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function runTable(diff: Diff): string {
  const rows = runRows(diff).map((row) => `<tr><th scope="row">${row.label}</th><td>${text(row.a)}</td><td>${text(row.b)}</td></tr>`);
  return ['<table><thead><tr><td></td><th scope="col">run a</th><th scope="col">run b</th></tr></thead><tbody>', ...rows, '</tbody></table>'].join('\n');
}

function idCell(line: ChangeLine): string {
  const id = `<code>${text(line.id)}</code>`;
  return line.clause && /^https?:\/\//.test(line.clause) ? `<a href="${attribute(line.clause)}">${id}</a>` : id;
}

function changeRow(line: ChangeLine): string {
  return `<tr class="${line.outcome}"><td>${line.subject}</td><td>${idCell(line)}</td><td>${line.level}</td><td>${text(changeText(line))}</td><td>${text(line.title)}</td></tr>`;
}

function* pieces(diff: Diff): Generator<string> {
  yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">`;
  yield `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>konform diff: ${text(diff.suite)}</title>\n<style>${STYLE}</style>\n</head>\n<body>`;
  yield `<h1>konform diff: ${text(diff.suite)}</h1>\n${runTable(diff)}`;
  if (diff.differences.length > 0) {
    const listed = diff.differences.map((difference) => `<li>${difference.about}: ${text(difference.a)} → ${text(difference.b)}</li>`);
    yield `<section class="note" aria-label="differences"><p><strong>The runs differ in:</strong></p><ul>${listed.join('')}</ul></section>`;
  }
  yield `<p><strong>${text(summaryText(diff.summary))}</strong></p>`;
  for (const section of changeSections(diff)) {
    yield `<section><h2>${section.title} (${section.lines.length})</h2>\n<table><thead><tr><th scope="col"></th><th scope="col">ID</th><th scope="col">level</th><th scope="col">change</th><th scope="col">text</th></tr></thead><tbody>`;
    yield* section.lines.map(changeRow);
    yield '</tbody></table></section>';
  }
  for (const section of findingSections(diff)) {
    if (section.total === 0) continue;
    yield `<section><h2>${section.title}: ${section.total}</h2>`;
    for (const group of section.groups) {
      yield `<details><summary><code>${text(group.check)}</code>: ${group.findings.length} × ${text(group.heading)}</summary><ul>`;
      yield* group.findings.map((change) => {
        const place = findingPlace(change);
        return `<li>${text(resultPrefix(change) + change.finding.message)}${place ? ` <code>${text(place)}</code>` : ''}</li>`;
      });
      yield '</ul></details>';
    }
    yield '</section>';
  }
  yield '</body>\n</html>\n';
}

export function renderHtml(diff: Diff): string {
  return [...pieces(diff)].join('\n');
}
