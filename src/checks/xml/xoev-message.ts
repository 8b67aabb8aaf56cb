/**
 * What the checks of an XÖV message share: the folders of the standard's code lists and XML
 * Schemas as options, the message read once (cantTell when konform cannot read it), and one
 * outcome from the judgements of its parts — failed when one fails, cantTell when one cannot
 * be decided (never passed then). A rule a judgement did not get to (the code of a list konform
 * does not have) is undecided for the message, never passed for want of a finding.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { outcomeOfFindings } from '../../judge/judgement.js';
import type { XoevMessage } from '../../xml/codelist-message.js';
import type { CodeJudgement } from '../../xml/codelist-judge.js';
import type { CheckContext } from '../types.js';

/** JSON Schema of a folder of the standard: relative, and not leaving it. */
export const FOLDER_SCHEMA = { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\.\\.)' } as const;

/** The message in `file`, or the cantTell output that says why konform could not read it. */
export async function readMessage(context: CheckContext, file: string, schemas: string): Promise<{ message: XoevMessage } | { unread: CheckOutput }> {
  const { readXoevMessage } = await import('../../xml/codelist-message.js');
  const reading = await readXoevMessage(context, file, schemas);
  if ('unreadable' in reading) {
    return { unread: { outcome: 'cantTell', findings: [{ code: 'message-unreadable', message: reading.unreadable, location: { file } }] } };
  }
  return reading;
}

/** One undecided finding per rule some judgement did not get to, with how many and the first cause. */
function unexaminedFindings(judgements: readonly CodeJudgement[]): Finding[] {
  const byRule = new Map<string, { count: number; cause: Finding }>();
  for (const { unexamined = [], finding } of judgements) {
    if (!finding) continue;
    for (const rule of unexamined) {
      const entry = byRule.get(rule);
      if (entry) entry.count += 1;
      else byRule.set(rule, { count: 1, cause: finding });
    }
  }
  return [...byRule].map(([rule, { count, cause }]) => ({
    code: 'not-examined',
    message: `not examined for ${count} element(s): ${cause.message}`,
    params: { count, cause: cause.code },
    rule,
    undecided: true,
    ...(cause.location ? { location: cause.location } : {}),
  }));
}

export function outputOf(judgements: readonly CodeJudgement[]): CheckOutput {
  const findings = [...judgements.flatMap((judgement): Finding[] => (judgement.finding ? [judgement.finding] : [])), ...unexaminedFindings(judgements)];
  return { outcome: outcomeOfFindings(findings), findings };
}
