/**
 * Step 3 of a run: executing the plan. Each check's subjects are found in the target (the
 * operations of the declared API, the message files, the object types of a crawl), then the
 * units — a check on one subject — run with bounded concurrency, fetching and validating
 * what they examine; work that several units share (a crawl, a Saxon batch) runs once, on
 * first use, through the context's memo. Results land in plan order whatever the
 * concurrency; each is reported as it settles. Once the run is aborted no unit starts; those
 * never started are `untested`.
 */
import type { CheckContext, Subject } from '../checks/types.js';
import { boundedMapUntil } from '../core/bounded-map.js';
import { nextTurn } from '../core/event-loop.js';
import { transportFailureFinding } from '../http/failure-finding.js';
import { HttpFailure } from '../http/types.js';
import { withSeverity } from '../judge/judgement.js';
import { isKonformError } from '../model/errors.js';
import type { CheckResult } from '../model/report.js';
import type { CheckOutput, Finding } from '../model/types.js';
import type { PlannedCheck } from './plan.js';

export interface ExecuteOptions {
  concurrency: number;
  /** Called as each result settles; `index` is its place in the plan's order. */
  onResult?: (result: CheckResult, progress: { index: number; done: number; total: number }) => void;
}

/** A check on one of its subjects (none: the check runs once). */
interface Unit extends PlannedCheck {
  subject?: Subject;
  /** Set when the check found nothing to apply to; the unit is then not run. */
  inapplicable?: string;
}

async function unitsOf(planned: PlannedCheck, context: CheckContext): Promise<Unit[]> {
  const { check, kind } = planned;
  if (!kind.subjects) return [planned];
  const subjects = await kind.subjects(context, check.options as never, check);
  if (subjects.length === 0) return [{ ...planned, inapplicable: 'nothing in the target to apply it to' }];
  return subjects.map((subject) => ({ ...planned, subject }));
}

function failureFinding(error: unknown): Finding {
  if (error instanceof HttpFailure) return transportFailureFinding(error);
  const message = isKonformError(error) ? error.describe() : error instanceof Error ? error.message : String(error);
  return { code: 'check-error', message: `konform could not complete the check: ${message}`, params: { error: message } };
}

async function outputOf(unit: Unit, context: CheckContext): Promise<CheckOutput> {
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

function resultOf(unit: Unit, output: CheckOutput, durationMs: number): CheckResult {
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

const NOT_RUN: CheckOutput = {
  outcome: 'untested',
  findings: [{ code: 'not-run', message: 'the run was interrupted before this check ran' }],
};

/**
 * The units of the plan, each check on each of its subjects. Finding subjects gives the event
 * loop its turns (a document of ten thousand operations takes a while to load); once the run
 * is aborted no more are sought, and a check whose subjects were not found is one unit.
 */
async function unitsOfPlan(plan: readonly PlannedCheck[], context: CheckContext): Promise<Unit[]> {
  const units: Unit[] = [];
  for (const planned of plan) {
    const found = context.signal.aborted
      ? [planned]
      : await unitsOf(planned, context).catch((error: unknown) => {
          if (context.signal.aborted) return [planned];
          throw error;
        });
    for (const unit of found) units.push(unit);
    await nextTurn();
  }
  return units;
}

/**
 * The order units start in: those of kinds that wait on requests of their own alternate with the
 * others, so that computing fills the time spent waiting for answers; each kind in plan order.
 */
function startOrder(units: readonly Unit[]): number[] {
  const waiting: number[] = [];
  const computing: number[] = [];
  units.forEach((unit, index) => (unit.kind.waitsOnRequests ? waiting : computing).push(index));
  const order: number[] = [];
  for (let at = 0; at < Math.max(waiting.length, computing.length); at += 1) {
    if (at < waiting.length) order.push(waiting[at] as number);
    if (at < computing.length) order.push(computing[at] as number);
  }
  return order;
}

export async function executePlan(plan: readonly PlannedCheck[], context: CheckContext, options: ExecuteOptions): Promise<CheckResult[]> {
  const units = await unitsOfPlan(plan, context);
  const order = startOrder(units);
  let done = 0;
  const results = new Array<CheckResult | undefined>(units.length);
  await boundedMapUntil(order, options.concurrency, context.signal, async (index) => {
    const unit = units[index] as Unit;
    const started = performance.now();
    const result = resultOf(unit, await outputOf(unit, context), Math.round(performance.now() - started));
    done += 1;
    results[index] = result;
    options.onResult?.(result, { index, done, total: units.length });
  });
  return units.map((unit, index) => results[index] ?? resultOf(unit, NOT_RUN, 0));
}
