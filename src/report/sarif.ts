/**
 * report.sarif: the run in SARIF 2.1.0 (OASIS Standard with Errata 01), for code scanning
 * (GitHub, GitLab and other SARIF viewers). One run: konform as the tool with the requirement
 * catalogue as its rules (sarif-rules.ts), the invocation with the run's times, exit code and
 * what kept it from completing, and one result per violation or undecided finding
 * (sarif-reported.ts) with its level from the finding's severity, where it points and the
 * exchange it rests on (sarif-locations.ts), and the check and result it belongs to. Written a
 * result at a time.
 */
import type { CheckResult, Report } from '../model/report.js';
import { exchangeLookup } from './describe-finding.js';
import { jsonArrayLines } from './json-lines.js';
import { reportedFindings, type ReportedFinding } from './sarif-reported.js';
import { SARIF_LEVEL, sarifRules, type SarifRules } from './sarif-rules.js';
import { sarifLocator, type SarifLocator } from './sarif-locations.js';

/** The schema of SARIF 2.1.0 with Errata 01, as the standard publishes it. */
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

function notifications(report: Report): Array<{ level: 'error' | 'warning'; message: { text: string } }> {
  const notices: Array<{ level: 'error' | 'warning'; message: { text: string } }> = [];
  if (!report.complete) notices.push({ level: 'error', message: { text: `the run did not complete: ${report.interruption ?? 'interrupted'}` } });
  for (const { host, reason } of report.stoppedHosts ?? []) {
    notices.push({ level: 'warning', message: { text: `${host} stopped answering (${reason}): what needed it could not be checked` } });
  }
  for (const { host, links, example, flag } of report.hostsNotFollowed ?? []) {
    const allow = flag ? `; allow it with ${flag}` : '';
    notices.push({ level: 'warning', message: { text: `links not followed to ${host}: ${links} URL(s), e.g. ${example}; what lay behind them was not checked${allow}` } });
  }
  return notices;
}

function invocation(report: Report): Record<string, unknown> {
  const notices = notifications(report);
  return {
    executionSuccessful: report.complete,
    startTimeUtc: report.startedAt,
    endTimeUtc: report.finishedAt,
    exitCode: report.exitCode,
    exitCodeDescription: report.verdict,
    ...(notices.length > 0 ? { toolExecutionNotifications: notices } : {}),
  };
}

/** What the run was: the verdict, suite, standard and profile with their hashes, and the counts. */
function runProperties(report: Report): Record<string, unknown> {
  const { suite, standard, profile } = report;
  return {
    verdict: report.verdict,
    complete: report.complete,
    suite: { id: suite.id, version: suite.version, sha256: suite.sha256 },
    standard: { id: standard.id, version: standard.version, manifestSha256: standard.manifestSha256 },
    profile: profile.id,
    counts: report.counts,
  };
}

/** A result listed as itself: "The check failed: <title> — <subject>". */
function resultText(result: CheckResult): string {
  const what = result.outcome === 'cantTell' ? 'konform could not tell' : 'the check failed';
  return `${what}: ${result.title}${result.subject ? ` — ${result.subject.title}` : ''}`;
}

function sarifResult(result: CheckResult, { finding, kind }: ReportedFinding, rules: SarifRules, locator: SarifLocator): Record<string, unknown> {
  const locations = locator.locate(result, finding);
  const severity = finding?.severity ?? result.severity;
  const operation = finding?.location?.operation;
  return {
    ...rules.ruleOf(result, finding),
    kind,
    ...(kind === 'fail' ? { level: SARIF_LEVEL[severity] } : {}),
    message: { text: finding?.message ?? resultText(result) },
    ...(locations.length > 0 ? { locations } : {}),
    ...locator.exchange(finding),
    properties: {
      check: result.check,
      result: result.id,
      outcome: result.outcome,
      ...(finding ? { code: finding.code } : {}),
      ...(operation !== undefined ? { operation } : {}),
      ...(finding?.exchange !== undefined ? { exchange: finding.exchange } : {}),
    },
  };
}

function* results(report: Report, rules: SarifRules): Generator<Record<string, unknown>> {
  const locator = sarifLocator(report, exchangeLookup(report));
  for (const result of report.results) {
    for (const reported of reportedFindings(result)) yield sarifResult(result, reported, rules, locator);
  }
}

export function* sarifChunks(report: Report): Generator<string> {
  const rules = sarifRules(report);
  const { name, version } = report.tool;
  yield `{\n  "$schema": ${JSON.stringify(SARIF_SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {\n`;
  yield `      "tool": {\n        "driver": {\n          "name": ${JSON.stringify(name)},\n          "version": ${JSON.stringify(version)},\n          "rules": `;
  yield* jsonArrayLines(rules.rules, '          ');
  yield '\n        }\n      },\n';
  const automation = { id: `konform/${report.suite.id}/${report.profile.id}/${report.startedAt}` };
  yield `      "automationDetails": ${JSON.stringify(automation)},\n`;
  yield `      "invocations": [${JSON.stringify(invocation(report))}],\n`;
  yield `      "properties": ${JSON.stringify(runProperties(report))},\n`;
  yield '      "results": ';
  yield* jsonArrayLines(results(report, rules), '      ');
  yield '\n    }\n  ]\n}\n';
}
