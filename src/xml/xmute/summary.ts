/**
 * The self-test result as Markdown for a terminal or a file: the counts, then every
 * declaration that failed or stayed undecided with its reasons, then the exceptions grouped
 * by their reason, so nothing konform did not test goes unmentioned.
 */
import type { SelftestReport } from './verdict.js';
import type { DeclarationResult } from './verdict.js';

function name(declaration: DeclarationResult): string {
  const id = declaration.id ? ` ${declaration.id}` : '';
  return `${declaration.sample}:${declaration.line}${id} (${declaration.mutator ?? 'unreadable'})`;
}

function detailed(title: string, declarations: readonly DeclarationResult[]): string[] {
  if (declarations.length === 0) return [];
  return [`## ${title} (${declarations.length})`, '', ...declarations.flatMap((declaration) => [`- ${name(declaration)}`, ...declaration.reasons.map((reason) => `  - ${reason}`)]), ''];
}

function exceptions(declarations: readonly DeclarationResult[]): string[] {
  if (declarations.length === 0) return [];
  const byReason = new Map<string, DeclarationResult[]>();
  for (const declaration of declarations) {
    const reason = declaration.reasons[0] ?? 'no reason given';
    byReason.set(reason, [...(byReason.get(reason) ?? []), declaration]);
  }
  const groups = [...byReason].flatMap(([reason, members]) => [`- ${reason}`, ...members.map((declaration) => `  - ${name(declaration)}`)]);
  return [`## Exceptions (${declarations.length})`, '', ...groups, ''];
}

export function selftestSummary(report: SelftestReport): string {
  const { counts } = report;
  const of = (outcome: DeclarationResult['outcome']) => report.declarations.filter((declaration) => declaration.outcome === outcome);
  return [
    `# Self-test of ${report.suite.id} ${report.suite.version}: ${report.ok ? 'every declaration holds' : 'declarations do not hold'}`,
    '',
    `${report.declarations.length} declarations in ${report.samples} samples, ${report.documents} documents validated (profile ${report.profile}, ${(report.durationMs / 1000).toFixed(1)} s):`,
    `${counts.passed} passed, ${counts.failed} failed, ${counts.cantTell} undecided, ${counts.exception} exceptions.`,
    '',
    ...detailed('Failed', of('failed')),
    ...detailed('Undecided', of('cantTell')),
    ...exceptions(of('exception')),
  ].join('\n');
}
