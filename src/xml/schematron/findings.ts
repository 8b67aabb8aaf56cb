/**
 * SVRL assertions as konform findings. The severity comes from the assertion's `flag` or
 * `role` (XRechnung and CEN write flag="fatal" / "warning"; others role="ERROR" / "WARN"),
 * unless the caller overrides it per rule as KoSIT's scenarios do (`customLevel`). An
 * assertion without a recognised severity is an error: it states a constraint.
 */
import { FINDINGS_PER_RESULT, limitFindings } from '../../core/finding-limit.js';
import { SEVERITY_RANK } from '../../judge/judgement.js';
import type { Finding, Severity } from '../../model/types.js';
import type { SvrlAssertion } from './engine.js';
import type { NodePosition } from './location.js';

/** Schematron's flags and roles, and KoSIT's levels, in konform's one vocabulary. */
export const SEVERITY_WORDS: Readonly<Record<string, Severity>> = {
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'info',
  info: 'info',
};

function severityOf(flag: string | undefined, role: string | undefined): Severity {
  return SEVERITY_WORDS[flag?.toLowerCase() ?? ''] ?? SEVERITY_WORDS[role?.toLowerCase() ?? ''] ?? 'error';
}

function findingOf(file: string, assertion: SvrlAssertion, levels: Readonly<Record<string, Severity>>, position: NodePosition | undefined): Finding {
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
    (a, b) => SEVERITY_RANK[a.severity ?? 'error'] - SEVERITY_RANK[b.severity ?? 'error'] || (a.location?.line ?? 0) - (b.location?.line ?? 0),
  );
  return limitFindings(sorted, FINDINGS_PER_RESULT, { file });
}

export function schematronFindings(
  file: string,
  assertions: readonly SvrlAssertion[],
  levels: Readonly<Record<string, Severity>>,
  position: (location: string) => NodePosition | undefined,
): Finding[] {
  return ordered(assertions.map((assertion) => findingOf(file, assertion, levels, position(assertion.location))), file);
}
