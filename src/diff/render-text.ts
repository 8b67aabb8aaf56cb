/**
 * A diff for the terminal: the runs, how they differ, the summary, then every change from the
 * regressions on, and the new and gone findings grouped with their count and first examples.
 * Values from the reports are shown on one line with control characters replaced.
 */
import type { Outcome } from '../model/outcome.js';
import { oneLine } from '../report/markdown-text.js';
import { changeSections, changeText, countRows, EXAMPLES_SHOWN, findingPlace, findingSections, resultPrefix, summaryText } from './sections.js';
import type { Diff, RunInfo } from './types.js';

/** Colours, as the CLI's style gives them; none by default. */
export interface Paint {
  outcome(outcome: Outcome, text: string): string;
  bold(text: string): string;
}

const PLAIN: Paint = { outcome: (_, text) => text, bold: (text) => text };

const run = (name: string, info: RunInfo) =>
  `${name}: ${oneLine(info.source)} — ${info.verdict}${info.complete ? '' : ' (incomplete)'}, started ${info.startedAt}`;

function* lines(diff: Diff, paint: Paint): Generator<string> {
  const { b } = diff;
  yield paint.bold(`konform diff of two runs of ${diff.suite}`);
  yield run('a', diff.a);
  yield run('b', b);
  yield `suite ${b.suite.id} ${b.suite.version}, standard ${b.standard.id} ${b.standard.version}, profile ${b.profile}, konform ${b.tool}`;
  if (diff.differences.length > 0) {
    yield paint.bold('The runs differ in:');
    for (const difference of diff.differences) yield `  ${difference.about}: ${oneLine(difference.a)} → ${oneLine(difference.b)}`;
  }
  const counts = countRows(diff).filter((row) => row.a !== row.b);
  yield counts.length === 0 ? 'counts: unchanged' : `counts: ${counts.map((row) => `${row.outcome} ${row.a} → ${row.b}`).join(', ')}`;
  yield paint.bold(summaryText(diff.summary));
  for (const section of changeSections(diff)) {
    yield '';
    yield paint.bold(`${section.title} (${section.lines.length})`);
    for (const line of section.lines) {
      const text = `${line.subject} ${oneLine(line.id)} (${line.level}): ${changeText(line)}`;
      yield `  ${paint.outcome(line.outcome, text)}`;
    }
  }
  for (const section of findingSections(diff)) {
    if (section.total === 0) continue;
    yield '';
    yield paint.bold(`${section.title}: ${section.total}`);
    for (const group of section.groups) {
      yield `  ${oneLine(group.check)}: ${group.findings.length} × ${group.heading}`;
      for (const change of group.findings.slice(0, EXAMPLES_SHOWN)) {
        const place = findingPlace(change);
        yield `    ${oneLine(resultPrefix(change) + change.finding.message)}${place ? ` [${oneLine(place)}]` : ''}`;
      }
      const more = group.findings.length - EXAMPLES_SHOWN;
      if (more > 0) yield `    … and ${more} more (--format json or html lists every one)`;
    }
  }
}

export function renderText(diff: Diff, paint: Paint = PLAIN): string {
  return `${[...lines(diff, paint)].join('\n')}\n`;
}
