/**
 * Validating one message file against a compiled schema: read and parse it once, validate
 * it, free it (document-pass.ts). A file that is not well-formed is not validated; its parse
 * findings say why. A file over the byte limit is not read: konform cannot tell.
 */
import type { Finding } from '../model/types.js';
import { documentFacts } from './document-pass.js';
import type { XsdSchema } from './xsd.js';

export interface FileValidation {
  wellFormed: boolean;
  /** Over the byte limit and refused unread: konform cannot tell whether it is valid. */
  tooLarge: boolean;
  /** Parse findings (warnings, or the errors of a file that is not well-formed), then validation findings. */
  findings: Finding[];
  /** No finding is fatal. */
  valid: boolean;
}

export function validateXmlFile(schema: XsdSchema, file: string): FileValidation {
  const { parse, xsd } = documentFacts(file, { schemas: [{ key: 'schema', schema: () => schema }], tables: new Map() });
  const findings = xsd.get('schema') as Finding[];
  return { wellFormed: parse.wellFormed, tooLarge: parse.tooLarge, findings, valid: !findings.some((finding) => finding.severity === 'error') };
}
