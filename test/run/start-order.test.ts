/**
 * Units of kinds that wait on requests of their own start beside those that compute, so that
 * the two overlap; results still come in plan order.
 */
import { describe, expect, it } from 'vitest';
import type { CheckContext, CheckKind } from '../../src/checks/types.js';
import { executePlan } from '../../src/run/execute.js';
import type { PlannedCheck } from '../../src/run/plan.js';

function planned(id: string, started: string[], waitsOnRequests: boolean): PlannedCheck {
  const kind: CheckKind<never> = {
    name: `test.${id}`,
    description: id,
    needs: [],
    ...(waitsOnRequests ? { waitsOnRequests } : {}),
    run: async () => {
      started.push(id);
      await new Promise((resolve) => setImmediate(resolve));
      return { outcome: 'passed', findings: [] };
    },
  };
  return { check: { id, title: id, kind: kind.name, class: 'c', verifies: [], severity: 'error', options: {} }, kind };
}

const context = { signal: new AbortController().signal } as CheckContext;

describe('executePlan', () => {
  it('starts units that wait on requests alternately with the others, and gives results in plan order', async () => {
    const started: string[] = [];
    const plan = [planned('compute-1', started, false), planned('compute-2', started, false), planned('compute-3', started, false), planned('wait-1', started, true), planned('wait-2', started, true)];
    const results = await executePlan(plan, context, { concurrency: 1 });
    expect(started).toEqual(['wait-1', 'compute-1', 'wait-2', 'compute-2', 'compute-3']);
    expect(results.map((result) => result.id)).toEqual(['compute-1', 'compute-2', 'compute-3', 'wait-1', 'wait-2']);
  });
});
