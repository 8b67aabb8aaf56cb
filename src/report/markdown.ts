/**
 * summary.md: verdict first, what was tested with versions and hashes, the counts, every
 * requirement with its outcome (failed first), the findings by rule, then the failed MUSTs,
 * the failed SHOULDs and MAYs (warnings) and the cantTell results. Rendered in pieces, a result
 * at a time: a run over 10 000 message files lists every finding.
 */
import { countOutcomes, OUTCOMES } from '../model/outcome.js';
import type { Outcome } from '../model/outcome.js';
import { failuresByLevel, isMustFailure } from '../judge/judgement.js';
import { resultsSection } from './markdown-results.js';
import { rulesSection } from './markdown-rules.js';
import { mdCode, mdTable, mdText } from './markdown-text.js';
import type { Report, Verdict } from '../model/report.js';

const VERDICT_LABELS: Record<Verdict, string> = {
  conformant: 'conformant',
  notConformant: 'not conformant',
  inconclusive: 'inconclusive',
};

/** Order of the requirements table: what needs attention first. */
const DISPLAY_ORDER: readonly Outcome[] = ['failed', 'cantTell', 'untested', 'inapplicable', 'passed'];

function title(report: Report): string {
  const verdict = `# konform: ${VERDICT_LABELS[report.verdict]} — ${mdText(report.suite.title)} ${mdText(report.suite.version)}`;
  const notices = (report.stoppedHosts ?? []).map(({ reason }) => `> **A host stopped answering**: ${mdText(reason)}. What needed it could not be checked.`);
  for (const { host, links, example, flag } of report.hostsNotFollowed ?? []) {
    const allow = flag ? ` Allow it with ${mdCode(flag)}.` : '';
    notices.push(`> **Links not followed** to ${mdCode(host)}: ${links} URL(s) konform was not allowed to request, e.g. ${mdCode(example)}. What lay behind them could not be checked.${allow}`);
  }
  if (!report.complete) {
    const why = report.interruption !== undefined ? `, interrupted by ${mdText(report.interruption)}` : '';
    notices.unshift(`> **Incomplete run** (\`complete: false\`)${why}. Only the checks that ran before the interruption have results.`);
  }
  return [verdict, ...notices].join('\n\n');
}

function targetCell(target: Report['target']): string {
  const parts: string[] = [];
  if (target.url !== undefined) parts.push(mdCode(target.url, true));
  if (target.spec) {
    const { path, sha256, title: specTitle, version, openapi } = target.spec;
    const described = [specTitle, version, openapi && `OpenAPI ${openapi}`].filter(Boolean).join(' ');
    parts.push(`spec ${mdCode(path, true)}${described ? ` (${mdText(described)})` : ''} sha256 ${mdCode(sha256, true)}`);
  }
  if (target.files?.length) parts.push(`${target.files.length} file(s)`);
  return parts.join('; ') || 'none';
}

function runTable(report: Report): string {
  const { suite, standard, profile } = report;
  const rows = [
    ['Verdict', `**${VERDICT_LABELS[report.verdict]}** (exit code ${report.exitCode})`],
    ['Suite', `${mdCode(suite.id, true)} ${mdText(suite.version)} — ${mdText(suite.title)}, sha256 ${mdCode(suite.sha256, true)}`],
    [
      'Standard',
      `${mdCode(standard.id, true)} ${mdText(standard.version)} — ${mdText(standard.title)}, ` +
        `manifest sha256 ${mdCode(standard.manifestSha256, true)}`,
    ],
    ...(report.referencedStandards ?? []).map((other) => [
      'Also judged by',
      `${mdCode(other.id, true)} ${mdText(other.version)} — ${mdText(other.title)}, manifest sha256 ${mdCode(other.manifestSha256, true)}`,
    ]),
    ['Target', targetCell(report.target)],
    [
      'Profile',
      `${mdCode(profile.id, true)} — ${mdText(profile.title)}; classes ${profile.classes.map((id) => mdCode(id, true)).join(', ')}`,
    ],
    ['Tool', `${report.tool.name} ${mdText(report.tool.version)}`],
    ['Run', `${mdText(report.startedAt)} → ${mdText(report.finishedAt)} (${(report.durationMs / 1000).toFixed(3)} s)`],
    ['Complete', report.complete ? 'yes' : '**no**'],
  ];
  return mdTable(['', ''], rows);
}

function countsTable(report: Report): string {
  const requirementCounts = countOutcomes(report.requirements.map((requirement) => requirement.outcome));
  const rows = OUTCOMES.map((outcome) => [outcome, String(report.counts[outcome]), String(requirementCounts[outcome])]);
  rows.push(['total', String(report.results.length), String(report.requirements.length)]);
  const failed = failuresByLevel(report.results);
  const levels = `Failed checks: ${failed.MUST} MUST (deciding the verdict), ${failed.SHOULD} SHOULD, ${failed.MAY} MAY.`;
  return `## Outcomes\n\n${mdTable(['Outcome', 'Checks', 'Requirements'], rows, ['left', 'right', 'right'])}\n\n${levels}`;
}

/** `[ID](<clause>)` when the clause is a plain http(s) link, else the ID as code. */
function requirementCell(id: string, clause: string): string {
  return /^https?:\/\/[^\s<>|\\]+$/.test(clause) ? `[${mdText(id)}](<${clause}>)` : mdCode(id, true);
}

function requirementsTable(report: Report): string[] {
  if (report.requirements.length === 0) return [];
  const sorted = [...report.requirements].sort(
    (a, b) => DISPLAY_ORDER.indexOf(a.outcome) - DISPLAY_ORDER.indexOf(b.outcome),
  );
  const rows = sorted.map((requirement) => [
    requirementCell(requirement.id, requirement.clause),
    requirement.level,
    mdCode(requirement.class, true),
    requirement.outcome === 'failed' ? '**failed**' : requirement.outcome,
    requirement.checks.map((check) => mdCode(check, true)).join(', '),
    mdText(requirement.notTestable ? `${requirement.text} (not testable: ${requirement.notTestable})` : requirement.text),
  ]);
  return [`## Requirements\n\n${mdTable(['Requirement', 'Level', 'Class', 'Outcome', 'Checks', 'Text'], rows)}`];
}

/** Sections in pieces, each section's first piece after a blank line; an empty section leaves nothing. */
function* joinSections(sections: Iterable<Iterable<string>>): Generator<string> {
  let started = false;
  for (const section of sections) {
    let opening = true;
    for (const piece of section) {
      yield opening && started ? `\n\n${piece}` : piece;
      opening = false;
      started = true;
    }
  }
}

export function* summaryChunks(report: Report): Generator<string> {
  yield* joinSections([
    [title(report)],
    [runTable(report)],
    [countsTable(report)],
    requirementsTable(report),
    rulesSection(report),
    resultsSection(report, 'Failed (MUST)', isMustFailure),
    resultsSection(report, 'Warnings (failed SHOULD and MAY checks)', (result) => result.outcome === 'failed' && !isMustFailure(result)),
    resultsSection(report, 'Could not tell (cantTell)', (result) => result.outcome === 'cantTell'),
  ]);
  yield '\n';
}
