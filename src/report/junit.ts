/**
 * junit.xml as CI systems read it (Jenkins, GitLab, GitHub test reporters): one <testsuite>
 * per conformance class, one <testcase> per check result. A failed MUST → <failure>; a failed
 * SHOULD or MAY → <system-out> (it does not decide the verdict, so CI does not go red on it);
 * cantTell → <error> (konform could not decide), inapplicable and untested → <skipped>.
 */
import { countOutcomes } from '../model/outcome.js';
import { failureLevel, isMustFailure } from '../judge/judgement.js';
import { exchangeLookup, findingParts } from './describe-finding.js';
import type { ExchangeOf } from './describe-finding.js';
import { groupResults } from './group-results.js';
import type { CheckResult, Report } from '../model/report.js';
import { escapeXmlText, xmlAttributes } from './xml-text.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The findings as text: heading and message, location, exchange (method URL → status). */
function findingsText(result: CheckResult, exchangeOf: ExchangeOf): string {
  if (result.findings.length === 0) return 'no findings recorded';
  return result.findings.map((finding) => findingParts(finding, exchangeOf).join('\n  ')).join('\n');
}

/** First finding's message, with the number of further findings. */
function headline(result: CheckResult): string {
  const [first, ...rest] = result.findings;
  if (!first) return result.outcome;
  return rest.length > 0 ? `${first.message} (and ${rest.length} more)` : first.message;
}

function outcomeElement(result: CheckResult, exchangeOf: ExchangeOf): string {
  const attributes = { message: headline(result), type: result.findings[0]?.code ?? result.outcome };
  switch (result.outcome) {
    case 'failed': {
      const text = findingsText(result, exchangeOf);
      if (isMustFailure(result)) return `<failure${xmlAttributes(attributes)}>${escapeXmlText(text)}</failure>`;
      const notice = `failed (${failureLevel(result)}, does not decide the verdict): ${attributes.message}`;
      return `<system-out>${escapeXmlText(`${notice}\n${text}`)}</system-out>`;
    }
    case 'cantTell':
      return `<error${xmlAttributes(attributes)}>${escapeXmlText(findingsText(result, exchangeOf))}</error>`;
    case 'inapplicable':
    case 'untested': {
      const message = result.findings.length > 0 ? `${result.outcome}: ${headline(result)}` : result.outcome;
      return `<skipped${xmlAttributes({ message })}/>`;
    }
    case 'passed':
      return '';
  }
}

/** A check verifying more requirements than this reports per rule (a Schematron check verifies hundreds). */
const RULE_CHECK_REQUIREMENTS = 25;

/**
 * The requirement IDs of a testcase: every requirement its check verifies; for a check that
 * verifies many (one per rule), the rules its findings name.
 */
function requirementsOf(result: CheckResult, requirementsByCheck: ReadonlyMap<string, string[]>): string[] {
  const verified = requirementsByCheck.get(result.check) ?? [];
  if (verified.length <= RULE_CHECK_REQUIREMENTS) return verified;
  return [...new Set(result.findings.flatMap((finding) => (finding.rule === undefined ? [] : [finding.rule])))];
}

function testcase(report: Report, result: CheckResult, exchangeOf: ExchangeOf, requirementsByCheck: ReadonlyMap<string, string[]>): string {
  const properties = [
    ...requirementsOf(result, requirementsByCheck).map((id) => ['requirement', id]),
    ['severity', result.severity],
    ['kind', result.kind],
  ].map(([name, value]) => `        <property${xmlAttributes({ name, value })}/>`);
  const classname = `${report.suite.id}.${result.class}`;
  const open = `    <testcase${xmlAttributes({ classname, name: result.id, time: seconds(result.durationMs) })}>`;
  const outcome = outcomeElement(result, exchangeOf);
  const body = ['      <properties>', ...properties, '      </properties>', ...(outcome ? [`      ${outcome}`] : [])];
  return [open, ...body, '    </testcase>'].join('\n');
}

/** Totals in the attribute names of <testsuites> and <testsuite>. */
function totals(results: readonly CheckResult[], durationMs: number): Record<string, number | string> {
  const counts = countOutcomes(results.map((result) => result.outcome));
  const skipped = counts.inapplicable + counts.untested;
  const failures = results.filter(isMustFailure).length;
  return { tests: results.length, failures, errors: counts.cantTell, skipped, time: seconds(durationMs) };
}

/** A run that did not finish shows in CI as an error, never as green with skips. */
function interruptionResult(report: Report): CheckResult {
  const message = `run did not complete: ${report.interruption ?? 'interrupted'}`;
  return {
    id: 'run-complete', check: 'run-complete', kind: 'konform.run', class: 'konform', title: 'The run completed',
    severity: 'error', outcome: 'cantTell', durationMs: 0, evidence: [],
    findings: [{ code: 'run-incomplete', message }],
  };
}

/**
 * junit.xml in pieces, a testcase at a time: a run of 10 000 message files has 90 000
 * testcases, rendered straight into the file rather than into one string first.
 */
export function* junitChunks(report: Report): Generator<string> {
  const exchangeOf = exchangeLookup(report);
  const requirementsByCheck = new Map(report.checks.map((check) => [check.id, check.requirements]));
  const results = report.complete ? report.results : [...report.results, interruptionResult(report)];
  const name = `${report.suite.id} ${report.suite.version}`;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${xmlAttributes({ name, ...totals(results, report.durationMs) })}>\n`;
  for (const [classId, classResults] of groupResults(results, 'class')) {
    const duration = classResults.reduce((sum, result) => sum + result.durationMs, 0);
    yield `  <testsuite${xmlAttributes({ name: classId, ...totals(classResults, duration), timestamp: report.startedAt })}>\n`;
    for (const result of classResults) yield `${testcase(report, result, exchangeOf, requirementsByCheck)}\n`;
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
