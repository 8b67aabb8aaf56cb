import type { CheckResult } from '../model/report.js';

/** Results grouped by their conformance class or check, groups in order of first appearance. */
export function groupResults(results: readonly CheckResult[], by: 'class' | 'check'): Map<string, CheckResult[]> {
  const groups = new Map<string, CheckResult[]>();
  for (const result of results) {
    const group = groups.get(result[by]) ?? [];
    group.push(result);
    groups.set(result[by], group);
  }
  return groups;
}
