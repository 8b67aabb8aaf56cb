/**
 * `xoev.message-header`: the XÖV message header of each file — present, message UUID,
 * creation time not in the future, author and reader identified, message type code standing
 * for the root element (mapped through the standard's message-type code list). Failed when one
 * part fails; cantTell when konform lacks the message-type list the header refers to.
 */
import type { CheckOutput, Finding } from '../../core/model.js';
import { combineOutcomes } from '../../core/outcome.js';
import type { HeaderFlavour } from '../../xml/xoev-header.js';
import { fileSubjects, MATCH_SCHEMA, outsideScenario, subjectFile } from '../xml/files.js';
import type { CheckKind } from '../types.js';

export interface MessageHeaderOptions {
  /** `g2g`: nachrichtenkopf.g2g (XÖV Basisnachricht, XBau, XWasser); `xdomea`: Kopf. */
  flavour: HeaderFlavour;
  /** Folder of the standard's Genericode code lists (the message-type list among them). */
  codelists: string;
  /** Folder of the standard's XML Schemas (for a list or version they fix). */
  schemas: string;
  /** How far the creation time may lie in the future (clock skew), default 300 s. */
  futureToleranceSeconds?: number;
  match?: string[];
}

const FOLDER = { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*\\.\\.)' } as const;

export const messageHeaderKind: CheckKind<MessageHeaderOptions> = {
  name: 'xoev.message-header',
  description: 'The XÖV message header: message UUID, creation time, author and reader, message type matching the root element',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['flavour', 'codelists', 'schemas'],
    properties: {
      flavour: { enum: ['g2g', 'xdomea'] },
      codelists: FOLDER,
      schemas: FOLDER,
      futureToleranceSeconds: { type: 'number', minimum: 0, default: 300 },
      match: MATCH_SCHEMA,
    },
  },
  needs: ['files'],
  subjects: fileSubjects,
  async run(context, options, subject): Promise<CheckOutput> {
    const file = subjectFile(subject);
    const outside = await outsideScenario(context, file, options.match);
    if (outside) return outside;
    const [{ readXoevMessage }, { codeListIndex }, { judgeHeader }] = await Promise.all([
      import('../../xml/codelist-message.js'),
      import('../../xml/codelist-index.js'),
      import('../../xml/xoev-header-checks.js'),
    ]);
    const reading = await readXoevMessage(context, file, options.schemas);
    if ('unreadable' in reading) {
      return { outcome: 'cantTell', findings: [{ code: 'message-unreadable', message: reading.unreadable, location: { file } }] };
    }
    const judgements = await judgeHeader(reading.message, await codeListIndex(context, options.codelists), {
      flavour: options.flavour,
      futureToleranceSeconds: options.futureToleranceSeconds ?? 300,
      now: new Date(),
    });
    const findings = judgements.flatMap((judgement): Finding[] => (judgement.finding ? [judgement.finding] : []));
    return { outcome: combineOutcomes(judgements.map((judgement) => judgement.outcome)), findings };
  },
};
