/**
 * Step 2 of a run: the plan. The checks of the profile's classes in suite order, each with its
 * kind, once it is known that the target gives what the kind needs. Planning reads only the
 * suite and the target's description: nothing is fetched or validated until the plan is
 * executed. The plan fixes the order of the results whatever the concurrency.
 */
import type { CheckKind } from '../checks/types.js';
import { checkKind } from '../checks/registry.js';
import type { CheckSpec, Profile, Suite, Target } from '../model/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export interface PlannedCheck {
  check: CheckSpec;
  kind: CheckKind<never>;
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

/**
 * A check whose kind needs what the target does not give cannot run: a usage error, not a verdict.
 * A shard of the files may hold none of them (src/core/shard.ts): its checks then find nothing to apply to.
 */
function requireNeeds(check: CheckSpec, kind: CheckKind<never>, target: Target, sharded: boolean): void {
  const missing = kind.needs.filter((need) =>
    need === 'endpoint' ? !target.url : need === 'spec' ? !target.spec : sharded ? !target.files : !target.files?.length,
  );
  if (missing.length === 0) return;
  const code = missing.includes('spec') ? ERROR_CODES.SPEC_MISSING : ERROR_CODES.TARGET_INVALID;
  const flags = missing.map((need) => NEED_FLAGS[need]).join(' and ');
  throw new KonformError(code, `check ${check.id} (${check.kind}) needs ${flags}`);
}

export function planRun(suite: Suite, profile: Profile, target: Target, sharded = false): PlannedCheck[] {
  return suite.classes
    .filter((candidate) => profile.classes.includes(candidate.id))
    .flatMap((cls) => cls.checks)
    .map((check) => {
      const kind = checkKind(check.kind) as CheckKind<never>;
      requireNeeds(check, kind, target, sharded);
      return { check, kind };
    });
}
