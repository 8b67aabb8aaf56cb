/**
 * The bound on the findings one result keeps. It is no display cap: report.json keeps every
 * finding, and the report formats group and count them. Only input built to produce millions
 * (a hostile server, a file of a million invalid elements) reaches it, and it bounds memory.
 * Beyond it, the first finding of every rule and code is still kept, so that each rule that
 * fired is decided by a finding of its own, and one undecided finding says how many were seen:
 * what the others say was not judged, so a result resting on them is cantTell, never passed.
 */
import type { Finding, FindingLocation } from '../model/types.js';

/** The findings one result keeps at most. */
export const FINDINGS_PER_RESULT = 10_000;

export function limitFindings(findings: Finding[], limit: number, location?: FindingLocation): Finding[] {
  if (findings.length <= limit) return findings;
  const groups = new Set<string>();
  const isFirstOfGroup = (finding: Finding): boolean => {
    const group = JSON.stringify([finding.rule, finding.code]);
    return !groups.has(group) && Boolean(groups.add(group));
  };
  const firsts = new Set(findings.filter(isFirstOfGroup));
  let room = limit - firsts.size;
  const kept = findings.filter((finding) => firsts.has(finding) || room-- > 0);
  const seen = findings.length;
  const overLimit: Finding = {
    code: 'findings-over-limit',
    message: `${seen} findings, more than the ${limit} konform keeps for one result: ${seen - kept.length} are not listed and were not judged`,
    params: { seen, kept: kept.length, limit },
    undecided: true,
    ...(location ? { location } : {}),
  };
  return [...kept, overLimit];
}
