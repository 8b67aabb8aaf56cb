/**
 * `xml.codelists`: every XÖV code element of a message names a code list and version konform
 * pins, and its code is in that version. Per file: failed when one element fails, cantTell
 * when konform lacks a list a code refers to (never passed then), inapplicable without codes.
 */
import type { CheckOutput, Finding } from '../../core/model.js';
import { combineOutcomes } from '../../core/outcome.js';
import type { CheckKind } from '../types.js';
import { fileSubjects, MATCH_SCHEMA, outsideScenario, subjectFile } from './files.js';

export interface CodeListsOptions {
  /** Folder of the standard's Genericode code lists, e.g. `codelists/`. */
  codelists: string;
  /** Folder of the standard's XML Schemas, read for the lists and versions they fix. */
  schemas: string;
  match?: string[];
}

const FOLDER = { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\.\\.)' } as const;

export const codeListsKind: CheckKind<CodeListsOptions> = {
  name: 'xml.codelists',
  description: 'Every XÖV code element names a code list and version konform pins, and its code is in that version',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['codelists', 'schemas'],
    properties: { codelists: FOLDER, schemas: FOLDER, match: MATCH_SCHEMA },
  },
  needs: ['files'],
  subjects: fileSubjects,
  async run(context, options, subject): Promise<CheckOutput> {
    const file = subjectFile(subject);
    const outside = await outsideScenario(context, file, options.match);
    if (outside) return outside;
    const { readXoevMessage } = await import('../../xml/codelist-message.js');
    const reading = await readXoevMessage(context, file, options.schemas);
    if ('unreadable' in reading) {
      return { outcome: 'cantTell', findings: [{ code: 'message-unreadable', message: reading.unreadable, location: { file } }] };
    }
    const { codes, locate } = reading.message;
    if (codes.length === 0) {
      return { outcome: 'inapplicable', findings: [{ code: 'no-code-elements', message: 'the message has no XÖV code elements', location: { file } }] };
    }
    const [{ codeListIndex }, { judgeCode }] = await Promise.all([import('../../xml/codelist-index.js'), import('../../xml/codelist-judge.js')]);
    const index = await codeListIndex(context, options.codelists);
    const judgements = await Promise.all(codes.map((code) => judgeCode(code, index, locate(code.element))));
    const findings = judgements.flatMap((judgement): Finding[] => (judgement.finding ? [judgement.finding] : []));
    return { outcome: combineOutcomes(judgements.map((judgement) => judgement.outcome)), findings };
  },
};
