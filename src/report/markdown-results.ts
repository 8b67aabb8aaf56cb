/**
 * The part of summary.md that explains what went wrong: the failed or cantTell results,
 * grouped by check, each with every finding (operation, pointers, exchange), rendered a
 * result at a time.
 */
import type { Finding } from '../model/types.js';
import { describeExchange, exchangeLookup, findingHeading, locationParts } from './describe-finding.js';
import type { ExchangeOf } from './describe-finding.js';
import { groupResults } from './group-results.js';
import type { CheckResult, Report } from '../model/report.js';
import { mdCode, mdText } from './markdown-text.js';

function findingLines(finding: Finding, exchangeOf: ExchangeOf): string[] {
  const lines = [`  - **${mdText(findingHeading(finding))}**: ${mdText(finding.message)}`];
  const parts = locationParts(finding.location);
  if (parts.length > 0) lines.push(`    - ${parts.map((part) => `${part.label} ${mdCode(part.value)}`).join(' · ')}`);
  const exchange = exchangeOf(finding.exchange);
  if (exchange) lines.push(`    - exchange ${mdCode(exchange.id)}: ${mdCode(describeExchange(exchange))}`);
  else if (finding.exchange !== undefined) lines.push(`    - exchange ${mdCode(finding.exchange)}`);
  return lines;
}

function resultLines(result: CheckResult, exchangeOf: ExchangeOf): string[] {
  const subject = result.subject ? ` — ${mdText(result.subject.title)}` : '';
  const findings = result.findings.flatMap((finding) => findingLines(finding, exchangeOf));
  return [`- ${mdCode(result.id)}${subject}`, ...(findings.length > 0 ? findings : ['  - no findings recorded'])];
}

const LISTED_REQUIREMENTS = 12;

function checkHeader(first: CheckResult, verifies: readonly string[]): string {
  const listed = verifies.slice(0, LISTED_REQUIREMENTS).map((id) => mdCode(id)).join(', ') || 'none';
  const requirements = verifies.length > LISTED_REQUIREMENTS ? `${listed} and ${verifies.length - LISTED_REQUIREMENTS} more` : listed;
  return [
    `### ${mdCode(first.check)} — ${mdText(first.title)}`,
    '',
    `Class ${mdCode(first.class)} · kind ${mdCode(first.kind)} · severity ${first.severity} · requirements ${requirements}`,
  ].join('\n');
}

/** "## <heading>" with one subsection per check of the results included, in pieces; nothing when none is. */
export function* resultsSection(report: Report, heading: string, include: (result: CheckResult) => boolean): Generator<string> {
  const byCheck = groupResults(report.results.filter(include), 'check');
  if (byCheck.size === 0) return;
  const exchangeOf = exchangeLookup(report);
  const verifies = new Map(report.checks.map((check) => [check.id, check.requirements]));
  yield `## ${heading}`;
  for (const [check, results] of byCheck) {
    yield `\n\n${checkHeader(results[0] as CheckResult, verifies.get(check) ?? [])}\n`;
    for (const result of results) yield `\n${resultLines(result, exchangeOf).join('\n')}`;
  }
}
