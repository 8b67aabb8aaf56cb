/**
 * The output of an OParl check for one subject (an object type, the lists of a type, …):
 * every finding of the rules the check verifies (up to `maxFindings`, a bound for memory beyond
 * which the result cannot tell), an outcome that is failed on any blocking finding, cantTell on any
 * undecided one, cantTell where links to objects of the subject got no answer, and never
 * passed while the crawl budget cut off part of the subject (src/crawl/untested.ts). Where
 * something stayed undecided, so do the rules the check has no finding for (undecided-rules.ts).
 */
import { coverUndecidedRules } from '../checks/undecided-rules.js';
import { blocksCheck } from '../judge/judgement.js';
import { FINDINGS_PER_RESULT, limitFindings } from '../core/finding-limit.js';
import type { CheckOutput, CheckSpec, Finding } from '../model/types.js';
import { cutOffOutput, withinBudget } from '../crawl/index.js';
import type { CrawlFailure, CutOff } from '../crawl/types.js';
import { unansweredFinding } from './findings.js';

export interface Judgement {
  findings: Finding[];
  /** How many things (objects, lists, files) were examined. */
  examined: number;
  /** What the crawl budget kept from the subject. */
  cutOff?: readonly CutOff[];
  /** Links to objects of the subject that got no answer at all. */
  unreached?: readonly CrawlFailure[];
  /** Why nothing was examined, when nothing was. */
  nothing?: string;
  /** The rules the check met a case of, where fewer than all it verifies (CheckOutput.rules). */
  rules?: readonly string[];
}


/**
 * One undecided finding per rule for links to the subject's objects without an answer, the first
 * one's: what they lead to is unknown. No answer is its transport failure; an entry that answered
 * with an error status gives nothing to follow either.
 */
function unreachedFindings(check: CheckSpec, unreached: readonly CrawlFailure[]): Finding[] {
  const first = unreached[0];
  if (!first) return [];
  const consequence = `${unreached.length} link(s) konform could not follow: what they lead to is unknown`;
  const params = { count: unreached.length };
  return check.verifies.map((rule): Finding =>
    first.status === undefined
      ? unansweredFinding(first, rule, { consequence, params })
      : { code: 'unreached', message: `${first.url}: ${first.message}; ${consequence}`, params, rule, undecided: true, exchange: first.exchange },
  );
}

export function judge(check: CheckSpec, judgement: Judgement, maxFindings = FINDINGS_PER_RESULT): CheckOutput {
  // Every finding is kept; one of a rule the check does not verify is reported and decides nothing here.
  const verified = (finding: Finding) => finding.rule === undefined || check.verifies.includes(finding.rule);
  const findings = [...limitFindings(judgement.findings, maxFindings), ...unreachedFindings(check, judgement.unreached ?? [])];
  const evidence = [...new Set(findings.flatMap((finding) => (finding.exchange ? [finding.exchange] : [])))];
  const cutOff = judgement.cutOff ?? [];
  // What a budget cut off may hold cases of any rule: only a whole examination narrows them.
  const rules = judgement.rules && cutOff.length === 0 ? { rules: check.verifies.filter((rule) => judgement.rules?.includes(rule)) } : {};
  if (judgement.findings.some((finding) => verified(finding) && blocksCheck(finding))) return coverUndecidedRules({ outcome: 'failed', findings, evidence, ...rules }, check.verifies);
  if (findings.some((finding) => verified(finding) && finding.undecided)) return coverUndecidedRules({ outcome: 'cantTell', findings, evidence, ...rules }, check.verifies);
  if (judgement.examined === 0) {
    if (cutOff.length > 0) return cutOffOutput(cutOff);
    const message = judgement.nothing ?? 'there was nothing to examine';
    return { outcome: 'inapplicable', findings: [...findings, { code: 'nothing-to-examine', message, severity: 'info' }], evidence };
  }
  return withinBudget({ outcome: 'passed', findings, evidence, ...rules }, cutOff);
}
