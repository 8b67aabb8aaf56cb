/**
 * A run is one pipeline: load → plan → execute → judge → report. Planning reads only the
 * suite and what the target is: it is synchronous, fetches and validates nothing, and asks no
 * kind for its subjects; those are found when the plan is executed.
 */
import { describe, expect, it } from 'vitest';
import { checkKind } from '../../src/checks/registry.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { planRun, selectProfile } from '../../src/run/plan.js';

describe('planning', () => {
  it('gives the checks of the profile in suite order, synchronously, without asking any kind for its subjects', async () => {
    const { suite } = await loadSuite('oparl-1.1');
    const profile = selectProfile(suite, 'without-https');
    const asked: string[] = [];
    const kinds = new Set(suite.classes.flatMap((cls) => cls.checks.map((check) => checkKind(check.kind))));
    const restore = [...kinds].flatMap((kind) => {
      if (!kind?.subjects) return [];
      const original = kind.subjects;
      kind.subjects = async (...args) => {
        asked.push(kind.name);
        return original.apply(kind, args);
      };
      return [() => (kind.subjects = original)];
    });
    try {
      const plan = planRun(suite, profile, { url: 'http://127.0.0.1:9/', allowedHosts: ['127.0.0.1:9'], allowUnsafe: false });
      expect(plan).toBeInstanceOf(Array);
      const inProfile = suite.classes.filter((cls) => profile.classes.includes(cls.id)).flatMap((cls) => cls.checks.map((check) => check.id));
      expect(plan.map(({ check }) => check.id)).toEqual(inProfile);
      expect(asked).toEqual([]);
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('refuses a check whose kind needs what the target does not give, before anything runs', async () => {
    const { suite } = await loadSuite('oparl-1.1');
    expect(() => planRun(suite, selectProfile(suite, undefined), { allowedHosts: [], allowUnsafe: false })).toThrow(/needs --target <url>/);
  });
});
