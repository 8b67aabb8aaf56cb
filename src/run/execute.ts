/**
 * Runs the planned units with bounded concurrency. Results land in plan order whatever the
 * concurrency; each is appended to the journal as it settles. Once the run is aborted no
 * unit starts; those never started are `untested`.
 */
import type { CheckContext } from '../checks/types.js';
import { transportFailureFinding } from '../http/failure-finding.js';
import { HttpFailure } from '../http/types.js';
import type { CheckResult } from '../model/report.js';
import { boundedMapUntil } from '../core/bounded-map.js';
import { isKonformError } from '../model/errors.js';
import { withSeverity } from '../judge/judgement.js';
import type { CheckOutput, Finding } from '../model/types.js';
import type { PlannedUnit } from './plan.js';

export interface ExecuteOptions {
  concurrency: number;
  onResult?: (result: CheckResult, index: number) => void;
}

function failureFinding(error: unknown): Finding {
  if (error instanceof HttpFailure) return transportFailureFinding(error);
  const message = isKonformError(error) ? error.describe() : error instanceof Error ? error.message : String(error);
  return { code: 'check-error', message: `konform could not complete the check: ${message}`, params: { error: message } };
}

async function outputOf(unit: PlannedUnit, context: CheckContext): Promise<CheckOutput> {
  if (unit.inapplicable) {
    return { outcome: 'inapplicable', findings: [{ code: 'not-applicable', message: unit.inapplicable }] };
  }
  try {
    return await unit.kind.run(context, unit.check.options as never, unit.subject, unit.check);
  } catch (error) {
    const finding = failureFinding(error);
    return { outcome: 'cantTell', findings: [finding], evidence: finding.exchange ? [finding.exchange] : [] };
  }
}

export function resultOf(unit: PlannedUnit, output: CheckOutput, durationMs: number): CheckResult {
  const { check, subject } = unit;
  return {
    id: subject ? `${check.id}/${subject.id}` : check.id,
    check: check.id,
    kind: check.kind,
    class: check.class,
    title: check.title,
    ...(subject ? { subject: { id: subject.id, title: subject.title } } : {}),
    severity: check.severity,
    outcome: output.outcome,
    durationMs,
    findings: withSeverity(output.findings, output.outcome, check.severity),
    evidence: output.evidence ?? [],
    ...(output.rules ? { rules: output.rules } : {}),
  };
}

export async function executePlan(
  units: readonly PlannedUnit[],
  context: CheckContext,
  options: ExecuteOptions,
): Promise<CheckResult[]> {
  const results = await boundedMapUntil(units, options.concurrency, context.signal, async (unit, index) => {
    const started = performance.now();
    const result = resultOf(unit, await outputOf(unit, context), Math.round(performance.now() - started));
    options.onResult?.(result, index);
    return result;
  });
  return units.map(
    (unit, index) =>
      results[index] ??
      resultOf(
        unit,
        { outcome: 'untested', findings: [{ code: 'not-run', message: 'the run was interrupted before this check ran' }] },
        0,
      ),
  );
}
