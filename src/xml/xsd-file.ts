/**
 * Validating one message file against a compiled schema: parse it safely, validate it, free
 * it. A file that is not well-formed is not validated; its parse findings say why. A file
 * over the byte limit is not read: konform cannot tell.
 */
import type { Finding } from '../model/types.js';
import { parseXmlFile, type ParseLimits } from './parse.js';
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

export function validateXmlFile(schema: XsdSchema, file: string, limits?: ParseLimits): FileValidation {
  const parsed = parseXmlFile(file, limits);
  if (!parsed.document) return { wellFormed: false, tooLarge: parsed.tooLarge === true, findings: parsed.findings, valid: false };
  let findings: Finding[];
  try {
    findings = [...parsed.findings, ...schema.validate(parsed.document, file)];
  } finally {
    parsed.document.dispose();
  }
  return { wellFormed: true, tooLarge: false, findings, valid: !findings.some((finding) => finding.severity === 'error') };
}
