/**
 * A check of a live endpoint that could not examine everything it should (no answer, a body it
 * could not read, a conformance declaration it could not get) has decided only the rules it
 * has findings for. Every other rule it verifies is undecided too: its requirement is cantTell,
 * not passed for lack of a finding (judge/requirement-results.ts decides a rule-naming result
 * rule by rule). The message names what kept the check from deciding.
 *
 * Checks of message files do not use this: they evaluate every rule they can, and what the
 * judgement of a code element did not get to is covered where it is judged (checks/xml/xoev-message.ts).
 */
import { ruleOutcome } from '../judge/judgement.js';
import type { CheckOutput, Finding } from '../model/types.js';

export function coverUndecidedRules(output: CheckOutput, verifies: readonly string[]): CheckOutput {
  const cause = output.findings.find((finding) => finding.undecided);
  if (!cause) return output;
  const decided = new Set(output.findings.flatMap((finding) => (ruleOutcome(finding) === 'passed' ? [] : [finding.rule])));
  const covering = verifies
    .filter((rule) => !decided.has(rule))
    .map(
      (rule): Finding => ({
        code: 'not-examined',
        message: `not examined: ${cause.message}`,
        params: { cause: cause.code },
        rule,
        undecided: true,
        ...(cause.exchange === undefined ? {} : { exchange: cause.exchange }),
      }),
    );
  return covering.length === 0 ? output : { ...output, findings: [...output.findings, ...covering] };
}
