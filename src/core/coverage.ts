/**
 * Coverage of a suite: for each requirement of its standard, the checks that verify it.
 * A requirement with no check and no stated reason why it cannot be tested is a gap.
 */
import type { Level, Standard, Suite } from '../model/types.js';

export interface RequirementCoverage {
  id: string;
  class: string;
  level: Level;
  checks: string[];
  notTestable?: string;
}

export interface Coverage {
  requirements: RequirementCoverage[];
  /** Requirements with neither a check nor a reason they are not testable. */
  gaps: RequirementCoverage[];
}

export function suiteCoverage(suite: Suite, standard: Standard): Coverage {
  const requirements = standard.requirements.map((requirement) => ({
    id: requirement.id,
    class: requirement.class,
    level: requirement.level,
    checks: suite.classes.flatMap((cls) =>
      cls.checks.filter((check) => check.verifies.includes(requirement.id)).map((check) => check.id),
    ),
    ...(requirement.notTestable ? { notTestable: requirement.notTestable } : {}),
  }));
  return { requirements, gaps: requirements.filter((entry) => entry.checks.length === 0 && !entry.notTestable) };
}
