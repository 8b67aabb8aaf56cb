/**
 * SVRL assertions as konform findings. The severity comes from the assertion's `flag` or
 * `role` (XRechnung and CEN write flag="fatal" / "warning"; others role="ERROR" / "WARN"),
 * unless the caller overrides it per rule as KoSIT's scenarios do (`customLevel`). An
 * assertion without a recognised severity is an error: it states a constraint.
 */
import type { Finding, FindingSeverity } from '../../core/model.js';
import { MAX_FINDINGS_PER_FILE } from '../limits.js';
import type { SvrlAssertion } from './engine.js';
import type { NodePosition } from './location.js';

const SEVERITY_WORDS: Record<string, FindingSeverity> = {
  fatal: 'fatal',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
};
const RANK: Record<FindingSeverity, number> = { fatal: 0, error: 1, warning: 2, information: 3 };

function severityOf(flag: string | undefined, role: string | undefined): FindingSeverity {
  return SEVERITY_WORDS[flag?.toLowerCase() ?? ''] ?? SEVERITY_WORDS[role?.toLowerCase() ?? ''] ?? 'error';
}

export function isBlocking(finding: Finding): boolean {
  return finding.severity === 'fatal' || finding.severity === 'error';
}

function findingOf(file: string, assertion: SvrlAssertion, levels: Readonly<Record<string, FindingSeverity>>, position: NodePosition | undefined): Finding {
  const declared = severityOf(assertion.flag, assertion.role);
  const severity = (assertion.id !== undefined ? levels[assertion.id] : undefined) ?? declared;
  return {
    code: assertion.kind === 'failed-assert' ? 'assert-failed' : 'report-fired',
    message: assertion.text || `${assertion.kind === 'failed-assert' ? 'assertion failed' : 'report fired'}: ${assertion.test}`,
    severity,
    ...(assertion.id !== undefined ? { rule: assertion.id } : {}),
    params: {
      test: assertion.test,
      ...(assertion.flag !== undefined ? { flag: assertion.flag } : {}),
      ...(assertion.role !== undefined ? { role: assertion.role } : {}),
      ...(severity !== declared ? { declaredSeverity: declared } : {}),
      ...(assertion.diagnostics.length > 0 ? { diagnostics: assertion.diagnostics } : {}),
    },
    location: { file, ...(position ?? { xpath: assertion.location }) },
  };
}

/**
 * Worst first, then in document order; beyond the per-file limit, the first finding of every
 * rule is still listed, so that each rule's requirement is decided by a finding of its own.
 */
function capped(findings: Finding[], file: string): Finding[] {
  const ordered = [...findings].sort(
    (a, b) => RANK[a.severity ?? 'error'] - RANK[b.severity ?? 'error'] || (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
  if (ordered.length <= MAX_FINDINGS_PER_FILE) return ordered;
  const rules = new Set<string | undefined>();
  const firsts = new Set(ordered.filter((finding) => !rules.has(finding.rule) && Boolean(rules.add(finding.rule))));
  let room = MAX_FINDINGS_PER_FILE - firsts.size;
  const kept = ordered.filter((finding) => firsts.has(finding) || room-- > 0);
  const omitted = ordered.length - kept.length;
  return [
    ...kept,
    { code: 'more-findings', message: `${omitted} more findings in this file are not listed`, severity: 'information', params: { omitted }, location: { file } },
  ];
}

export function schematronFindings(
  file: string,
  assertions: readonly SvrlAssertion[],
  levels: Readonly<Record<string, FindingSeverity>>,
  position: (location: string) => NodePosition | undefined,
): Finding[] {
  return capped(assertions.map((assertion) => findingOf(file, assertion, levels, position(assertion.location))), file);
}
