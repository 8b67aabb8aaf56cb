/**
 * A compiled XML Schema (XSD 1.0, as libxml2 implements it): compiled once from an entry
 * schema whose imports and includes are read only through the given resolver, then reused
 * for any number of documents. Validation reads nothing (instance `xsi:schemaLocation` hints
 * are not followed: the schema is fixed by the suite, not by the message). The schema lives
 * in wasm memory until `dispose` (a run disposes what its memo holds when it ends).
 */
import { XmlDocument, XmlLibError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Finding } from '../model/types.js';
import { SAFE_PARSE_OPTIONS } from './limits.js';
import { cleanMessage } from './parse-findings.js';
import { inputScope, noInputs, withInputs, type InputResolver, type InputScope } from './parse-inputs.js';
import { xsdFindings } from './xsd-findings.js';

export interface XsdSchema {
  /** The findings of validating a parsed document; none when it is valid. */
  validate(document: XmlDocument, file: string): Finding[];
  dispose(): void;
}

function compileError(entry: string, scope: InputScope, error: unknown): KonformError {
  const details = error instanceof XmlLibError ? error.details.filter((detail) => detail.level >= 2) : [];
  const reasons = [
    ...scope.refused.map((refused) => `refused ${refused.uri}: ${refused.reason}`),
    ...details.slice(0, 5).map((detail) => `${detail.file ?? entry}:${detail.line}: ${cleanMessage(detail.message)}`),
  ];
  if (reasons.length === 0) reasons.push(error instanceof Error ? error.message : String(error));
  return new KonformError(ERROR_CODES.STANDARD_INVALID, `the schema does not compile: ${reasons.join('; ')}`, { file: entry }, { cause: error });
}

/** Compiles the schema at `entry` (a path the resolver answers for, as are its imports). */
export function compileXsd(entry: string, resolver: InputResolver): XsdSchema {
  const scope = inputScope(resolver);
  const answer = resolver(entry);
  if ('refused' in answer) throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the schema cannot be read: ${answer.refused}`, { file: entry });
  let source: XmlDocument | undefined;
  let validator: XsdValidator;
  try {
    validator = withInputs(scope, () => {
      source = XmlDocument.fromBuffer(answer.bytes, { url: entry, option: SAFE_PARSE_OPTIONS });
      return XsdValidator.fromDoc(source);
    });
  } catch (error) {
    source?.dispose();
    throw compileError(entry, scope, error);
  }
  // A schema that compiled without an import it asked for is not the schema the standard pins.
  if (scope.refused.length > 0) {
    validator.dispose();
    source?.dispose();
    throw compileError(entry, scope, undefined);
  }
  return {
    validate(document, file) {
      try {
        withInputs(noInputs(), () => validator.validate(document));
        return [];
      } catch (error) {
        if (!(error instanceof XmlValidateError)) throw error;
        return xsdFindings(document, file, error.details);
      }
    },
    dispose() {
      validator.dispose();
      source?.dispose();
    },
  };
}
