/**
 * SVRL assertions as konform findings. The severity comes from the assertion's `flag` or
 * `role` (XRechnung and CEN write flag="fatal" / "warning"; others role="ERROR" / "WARN"),
 * unless the caller overrides it per rule as KoSIT's scenarios do (`customLevel`). An
 * assertion without a recognised severity is an error: it states a constraint.
 */
import { limitFindings } from '../../core/finding-limit.js';
import type { Finding, FindingSeverity } from '../../model/types.js';
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

/** Worst first, then in document order; every finding, up to the bound for memory. */
function ordered(findings: Finding[], file: string): Finding[] {
  const sorted = [...findings].sort(
    (a, b) => RANK[a.severity ?? 'error'] - RANK[b.severity ?? 'error'] || (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
  return limitFindings(sorted, MAX_FINDINGS_PER_FILE, { file });
}

export function schematronFindings(
  file: string,
  assertions: readonly SvrlAssertion[],
  levels: Readonly<Record<string, FindingSeverity>>,
  position: (location: string) => NodePosition | undefined,
): Finding[] {
  return ordered(assertions.map((assertion) => findingOf(file, assertion, levels, position(assertion.location))), file);
}
