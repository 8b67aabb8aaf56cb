/**
 * report.earl.jsonld: the run in W3C EARL 1.0 (https://www.w3.org/TR/EARL10-Schema/) as
 * JSON-LD, the format of the OGC TEAM Engine and of W3C test-suite reports. One earl:Assertion
 * per requirement and one per check result, each asserted by konform (earl:Software with its
 * version) about a test subject (earl-subjects.ts) and a test (earl-criteria.ts), with an
 * earl:TestResult whose earl:outcome is konform's outcome — EARL's own vocabulary — and, for a
 * check result, every finding as an earl:info. Written a node at a time.
 */
import { failureLevel } from '../judge/judgement.js';
import type { CheckResult, Report, RequirementResult } from '../model/report.js';
import { exchangeLookup, findingLine, type ExchangeOf } from './describe-finding.js';
import { EARL_CONTEXT, earlOutcome } from './earl-context.js';
import { ASSERTOR, earlCriteria, type EarlCriteria } from './earl-criteria.js';
import { earlSubjects, type EarlNode, type EarlSubjects } from './earl-subjects.js';
import { jsonArrayLines } from './json-lines.js';

function assertion(subject: string, test: string, result: EarlNode): EarlNode {
  return {
    '@type': 'earl:Assertion', 'earl:assertedBy': ASSERTOR, 'earl:subject': subject, 'earl:test': test,
    'earl:mode': 'earl:automatic', 'earl:result': { '@type': 'earl:TestResult', ...result },
  };
}

/** How many findings name each rule: how often a rule-based requirement fired. */
function findingsByRule(report: Report): Map<string, number> {
  const counts = new Map<string, number>();
  for (const result of report.results) {
    for (const { rule } of result.findings) if (rule !== undefined) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  }
  return counts;
}

/** What decided a requirement: "MUST, failed: checks cen-ubl; 3 findings of this rule". */
function requirementDescription(report: Report, requirement: RequirementResult, fired: number | undefined): string {
  const heading = `${requirement.level}, ${requirement.outcome}`;
  if (requirement.notTestable) return `${heading}: konform cannot test it: ${requirement.notTestable}`;
  if (requirement.checks.length === 0) return `${heading}: no check of the suite verifies it`;
  const parts = [`checks ${requirement.checks.join(', ')}`];
  if (fired !== undefined) parts.push(`${fired} finding${fired === 1 ? '' : 's'} of this rule`);
  if (!report.complete && requirement.outcome === 'untested') parts.push(`the run did not complete (${report.interruption ?? 'interrupted'})`);
  return `${heading}: ${parts.join('; ')}`;
}

/** "failed (MUST): Every object's id is the URL it is served at — oparl:System". */
function resultDescription(result: CheckResult): string {
  const level = result.outcome === 'failed' ? ` (${failureLevel(result)})` : '';
  return `${result.outcome}${level}: ${result.title}${result.subject ? ` — ${result.subject.title}` : ''}`;
}

function* requirementAssertions(report: Report, subjects: EarlSubjects, criteria: EarlCriteria): Generator<EarlNode> {
  const fired = findingsByRule(report);
  for (const [index, requirement] of report.requirements.entries()) {
    yield assertion(subjects.target, criteria.requirement(index), {
      'earl:outcome': earlOutcome(requirement.outcome),
      'dct:description': requirementDescription(report, requirement, fired.get(requirement.id)),
      'dct:date': report.finishedAt,
    });
  }
}

function* resultAssertions(report: Report, subjects: EarlSubjects, criteria: EarlCriteria, exchangeOf: ExchangeOf): Generator<EarlNode> {
  for (const result of report.results) {
    const subject = subjects.subjectOf(result);
    if (subject.node) yield subject.node;
    const info = result.findings.map((finding) => findingLine(finding, exchangeOf));
    yield assertion(subject.id, criteria.check(result.check), {
      'dct:identifier': result.id,
      'earl:outcome': earlOutcome(result.outcome),
      'dct:description': resultDescription(result),
      ...(info.length > 0 ? { 'earl:info': info } : {}),
      'dct:date': report.finishedAt,
    });
  }
}

function* graph(report: Report): Generator<EarlNode> {
  const subjects = earlSubjects(report);
  const criteria = earlCriteria(report);
  yield* criteria.nodes();
  yield* subjects.nodes();
  yield* requirementAssertions(report, subjects, criteria);
  yield* resultAssertions(report, subjects, criteria, exchangeLookup(report));
}

/** The context, a term to a line. */
function contextText(): string {
  const terms = Object.entries(EARL_CONTEXT).map(([term, definition]) => `    ${JSON.stringify(term)}: ${JSON.stringify(definition)}`);
  return `{\n${terms.join(',\n')}\n  }`;
}

export function* earlChunks(report: Report): Generator<string> {
  yield `{\n  "@context": ${contextText()},\n  "@graph": `;
  yield* jsonArrayLines(graph(report), '  ');
  yield '\n}\n';
}
