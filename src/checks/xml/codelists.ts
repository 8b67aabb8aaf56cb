/**
 * `xml.codelists`: every XÖV code element of a message names a code list and version konform
 * pins, and its code is in that version. Per file: failed when one element fails, cantTell
 * when konform lacks a list a code refers to (never passed then), inapplicable without codes.
 */
import { perFileKind } from './files.js';
import { CODE_RULES } from '../../xml/codelist-judge.js';
import { lintCodeLists } from './reference-lint.js';
import { FOLDER_SCHEMA, outputOf, readMessage } from './xoev-message.js';

export interface CodeListsOptions {
  /** Folder of the standard's Genericode code lists, e.g. `codelists/`. */
  codelists: string;
  /** Folder of the standard's XML Schemas, read for the lists and versions they fix. */
  schemas: string;
  match?: string[];
}

export const codeListsKind = perFileKind<CodeListsOptions>({
  name: 'xml.codelists',
  description: 'Every XÖV code element names a code list and version konform pins, and its code is in that version',
  properties: { codelists: FOLDER_SCHEMA, schemas: FOLDER_SCHEMA },
  required: ['codelists', 'schemas'],
  lint: lintCodeLists(Object.values(CODE_RULES)),
  async judge(context, options, file) {
    const reading = await readMessage(context, file, options.schemas);
    if ('unread' in reading) return reading.unread;
    const { codes, locate } = reading.message;
    if (codes.length === 0) {
      return { outcome: 'inapplicable', findings: [{ code: 'no-code-elements', message: 'the message has no XÖV code elements', location: { file } }] };
    }
    const [{ codeListIndex }, { judgeCode }] = await Promise.all([import('../../xml/codelist-index.js'), import('../../xml/codelist-judge.js')]);
    const index = await codeListIndex(context, options.codelists);
    return outputOf(await Promise.all(codes.map((code) => judgeCode(code, index, locate(code.element)))));
  },
});
