/**
 * Which findings report.sarif lists, and as what (SARIF 2.1.0 §3.27.9 kind): every violation
 * (`fail`) — a finding that fails its rule by judgement.ts, a MUST or SHOULD, in a failed or
 * passed result, and the findings of a failed MAY check — and everything konform could not
 * decide (`open`): an undecided finding, each finding of a cantTell result. Information (the
 * cases examined, why a check did not apply, the findings of inapplicable and untested
 * results) is no result. A failed check result without a violation among its
 * findings, and a cantTell one without findings, is listed once, as itself.
 */
import { failureLevel, ruleOutcome } from '../judge/judgement.js';
import type { CheckResult } from '../model/report.js';
import type { Finding } from '../model/types.js';

export type SarifKind = 'fail' | 'open';

export interface ReportedFinding {
  /** Absent for a result listed as itself. */
  finding?: Finding;
  kind: SarifKind;
}

function kindOf(result: CheckResult, finding: Finding): SarifKind | undefined {
  if (result.outcome === 'inapplicable' || result.outcome === 'untested') return undefined;
  if (finding.undecided || result.outcome === 'cantTell') return 'open';
  if (result.outcome === 'failed') return ruleOutcome(finding) === 'failed' || failureLevel(result) === 'MAY' ? 'fail' : undefined;
  // A passed check can hold a violation at a lower level than its own: a SHOULD of a MUST check.
  return ruleOutcome(finding) === 'failed' && finding.severity !== undefined ? 'fail' : undefined;
}

export function reportedFindings(result: CheckResult): ReportedFinding[] {
  const reported: ReportedFinding[] = [];
  for (const finding of result.findings) {
    const kind = kindOf(result, finding);
    if (kind) reported.push({ finding, kind });
  }
  if (result.outcome === 'failed' && !reported.some(({ kind }) => kind === 'fail')) reported.push({ kind: 'fail' });
  if (result.outcome === 'cantTell' && reported.length === 0) reported.push({ kind: 'open' });
  return reported;
}
