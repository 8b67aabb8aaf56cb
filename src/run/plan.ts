/**
 * The plan of a run: the checks of the profile's classes, each expanded over its subjects,
 * in suite order. The plan fixes the order of the results whatever the concurrency.
 */
import type { CheckContext, CheckKind, Subject } from '../checks/types.js';
import { checkKind } from '../checks/registry.js';
import type { CheckSpec, Profile, Suite, Target } from '../model/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export interface PlannedUnit {
  check: CheckSpec;
  kind: CheckKind<never>;
  subject?: Subject;
  /** Set when the check found nothing to apply to; the unit is then not run. */
  inapplicable?: string;
}

export function selectProfile(suite: Suite, id: string | undefined): Profile {
  const wanted = id ?? suite.defaultProfile;
  const profile = suite.profiles.find((candidate) => candidate.id === wanted);
  if (!profile) {
    const known = suite.profiles.map((candidate) => candidate.id).join(', ');
    throw new KonformError(ERROR_CODES.PROFILE_UNKNOWN, `suite ${suite.id} has no profile "${wanted}" (it has: ${known})`);
  }
  return profile;
}

const NEED_FLAGS = { endpoint: '--target <url>', spec: '--spec <openapi file>', files: 'message files' } as const;

/** A check whose kind needs what the target does not give cannot run: a usage error, not a verdict. */
function requireNeeds(check: CheckSpec, kind: CheckKind<never>, target: Target): void {
  const missing = kind.needs.filter((need) =>
    need === 'endpoint' ? !target.url : need === 'spec' ? !target.spec : !target.files?.length,
  );
  if (missing.length === 0) return;
  const code = missing.includes('spec') ? ERROR_CODES.SPEC_MISSING : ERROR_CODES.TARGET_INVALID;
  const flags = missing.map((need) => NEED_FLAGS[need]).join(' and ');
  throw new KonformError(code, `check ${check.id} (${check.kind}) needs ${flags}`);
}

export async function planRun(suite: Suite, profile: Profile, context: CheckContext): Promise<PlannedUnit[]> {
  const units: PlannedUnit[] = [];
  for (const cls of suite.classes.filter((candidate) => profile.classes.includes(candidate.id))) {
    for (const check of cls.checks) {
      const kind = checkKind(check.kind) as CheckKind<never>;
      requireNeeds(check, kind, context.target);
      if (!kind.subjects) {
        units.push({ check, kind });
        continue;
      }
      const subjects = await kind.subjects(context, check.options as never, check);
      if (subjects.length === 0) units.push({ check, kind, inapplicable: 'nothing in the target to apply it to' });
      for (const subject of subjects) units.push({ check, kind, subject });
    }
  }
  return units;
}
