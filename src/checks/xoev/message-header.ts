/**
 * `xoev.message-header`: the XÖV message header of each file — present, message UUID,
 * creation time not in the future, author and reader identified, message type code standing
 * for the root element (mapped through the standard's message-type code list). Failed when one
 * part fails; cantTell when konform lacks the message-type list the header refers to.
 */
import type { HeaderFlavour } from '../../xml/xoev-header.js';
import { perFileKind } from '../xml/files.js';
import { lintCodeLists } from '../xml/reference-lint.js';
import { HEADER_RULES } from '../../xml/xoev-header-checks.js';
import { FOLDER_SCHEMA, outputOf, readMessage } from '../xml/xoev-message.js';

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

export const messageHeaderKind = perFileKind<MessageHeaderOptions>({
  name: 'xoev.message-header',
  description: 'The XÖV message header: message UUID, creation time, author and reader, message type matching the root element',
  properties: {
    flavour: { enum: ['g2g', 'xdomea'] },
    codelists: FOLDER_SCHEMA,
    schemas: FOLDER_SCHEMA,
    futureToleranceSeconds: { type: 'number', minimum: 0, default: 300 },
  },
  required: ['flavour', 'codelists', 'schemas'],
  lint: lintCodeLists(Object.values(HEADER_RULES)),
  async judge(context, options, file) {
    const reading = await readMessage(context, file, options.schemas);
    if ('unread' in reading) return reading.unread;
    const [{ codeListIndex }, { judgeHeader }] = await Promise.all([import('../../xml/codelist-index.js'), import('../../xml/xoev-header-checks.js')]);
    const judgements = await judgeHeader(reading.message, await codeListIndex(context, options.codelists), {
      flavour: options.flavour,
      futureToleranceSeconds: options.futureToleranceSeconds ?? 300,
      now: new Date(),
    });
    return outputOf(judgements);
  },
});
