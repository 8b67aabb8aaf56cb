/**
 * The standards, beside the suite's own, that the kinds of the planned checks judge by,
 * loaded with their hashes verified, so that the report pins every artifact a verdict rests on.
 */
import { loadStandard } from '../core/load-standard.js';
import type { PinnedStandard } from '../model/report.js';
import type { Standard } from '../model/types.js';
import type { PlannedCheck } from './plan.js';

export function pinnedStandard(standard: Standard): PinnedStandard {
  return {
    id: standard.id,
    version: standard.version,
    title: standard.title,
    manifestSha256: standard.manifestSha256,
    artifacts: standard.artifacts.map(({ path, sha256 }) => ({ path, sha256 })),
  };
}

export async function referencedStandards(plan: readonly PlannedCheck[]): Promise<Standard[]> {
  const dirs = [...new Set(plan.flatMap(({ kind }) => kind.standards ?? []))].sort();
  return Promise.all(dirs.map((dir) => loadStandard(dir)));
}
