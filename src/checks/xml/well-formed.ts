/**
 * `xml.well-formed`: each message file is a well-formed XML 1.0 document (XML 1.0 §2.1) that
 * konform can parse within its limits for untrusted input: not larger than `maxBytes`, no
 * external entities or DTDs to load, no entity expansion beyond libxml2's amplification
 * limit, nesting within 256 levels. Parse errors are fatal findings with line and column. A
 * file over `maxBytes` is refused unread: konform cannot tell. Without `maxBytes`, the file's
 * one parse (document.ts) decides.
 */
import type { CheckKind } from '../types.js';
import { documentOf } from './document.js';
import { fileSubjects, subjectFile } from './files.js';

export interface WellFormedOptions {
  maxBytes?: number;
}

/** A parse of its own, within a byte limit other than the one the file's pass parses within. */
async function ownParse(file: string, limits: WellFormedOptions) {
  const { parseXmlFile } = await import('../../xml/parse.js');
  const parsed = parseXmlFile(file, limits);
  parsed.document?.dispose();
  return { wellFormed: parsed.document !== undefined, tooLarge: !parsed.document && parsed.tooLarge === true, findings: parsed.findings };
}

export const wellFormedKind: CheckKind<WellFormedOptions> = {
  name: 'xml.well-formed',
  description: 'The file is a well-formed XML document within the limits for untrusted input',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { maxBytes: { type: 'integer', minimum: 1 } },
  },
  needs: ['files'],
  subjects: fileSubjects,
  async run(context, options, subject) {
    const file = subjectFile(subject);
    const { wellFormed, tooLarge, findings } = options.maxBytes === undefined ? (await documentOf(context, file)).parse : await ownParse(file, options);
    return { outcome: wellFormed ? 'passed' : tooLarge ? 'cantTell' : 'failed', findings };
  },
};
