/**
 * `xml.well-formed`: each message file is a well-formed XML 1.0 document (XML 1.0 §2.1) that
 * konform can parse within its limits for untrusted input: not larger than `maxBytes`, no
 * external entities or DTDs to load, no entity expansion beyond libxml2's amplification
 * limit, nesting within 256 levels. Parse errors are fatal findings with line and column. A
 * file over `maxBytes` is refused unread: konform cannot tell.
 */
import type { CheckKind } from '../types.js';
import { fileSubjects, subjectFile } from './files.js';

export interface WellFormedOptions {
  maxBytes?: number;
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
  async run(_context, options, subject) {
    const { parseXmlFile } = await import('../../xml/parse.js');
    const parsed = parseXmlFile(subjectFile(subject), options);
    parsed.document?.dispose();
    return { outcome: parsed.document ? 'passed' : parsed.tooLarge ? 'cantTell' : 'failed', findings: parsed.findings };
  },
};
