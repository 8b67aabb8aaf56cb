/**
 * A diff as Markdown (GFM): the two runs side by side, a note where they were not made alike,
 * the summary, a table per kind of change from the regressions on, then the new and gone
 * findings grouped with their count and first examples. Every value is escaped.
 */
import { mdCode, mdTable, mdText, requirementCell } from '../report/markdown-text.js';
import { changeSections, changeText, EXAMPLES_SHOWN, findingPlace, findingSections, resultPrefix, runRows, summaryText, type ChangeLine } from './sections.js';
import type { Diff } from './types.js';

function runTable(diff: Diff): string {
  return mdTable(['', 'run a', 'run b'], runRows(diff).map((row) => [row.label, mdText(row.a), mdText(row.b)]));
}

const lineCells = (line: ChangeLine): string[] => [
  line.subject,
  requirementCell(line.id, line.clause ?? ''),
  line.level,
  mdText(changeText(line)),
  mdText(line.title),
];

function* pieces(diff: Diff): Generator<string> {
  yield `# konform diff: ${mdText(diff.suite)}\n\n${runTable(diff)}`;
  if (diff.differences.length > 0) {
    const listed = diff.differences.map((difference) => `> - ${difference.about}: ${mdText(difference.a)} → ${mdText(difference.b)}`);
    yield ['> **The runs differ in:**', '>', ...listed].join('\n');
  }
  yield `**${mdText(summaryText(diff.summary))}**`;
  for (const section of changeSections(diff)) {
    yield `## ${section.title} (${section.lines.length})\n\n${mdTable(['', 'ID', 'level', 'change', 'text'], section.lines.map(lineCells))}`;
  }
  for (const section of findingSections(diff)) {
    if (section.total === 0) continue;
    yield `## ${section.title}: ${section.total}`;
    for (const group of section.groups) {
      const shown = group.findings.slice(0, EXAMPLES_SHOWN).map((change) => {
        const place = findingPlace(change);
        return `- ${mdText(resultPrefix(change) + change.finding.message)}${place ? ` (${mdCode(place)})` : ''}`;
      });
      const more = group.findings.length - EXAMPLES_SHOWN;
      if (more > 0) shown.push(`- … and ${more} more (the JSON and HTML forms list every one)`);
      yield [`### ${mdCode(group.check)}: ${group.findings.length} × ${mdText(group.heading)}`, '', ...shown].join('\n');
    }
  }
}

export function renderMarkdown(diff: Diff): string {
  return `${[...pieces(diff)].join('\n\n')}\n`;
}
