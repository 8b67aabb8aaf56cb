/**
 * XSD validation errors as findings. libxml2 names elements in Clark notation
 * (`{urn:oasis:…:CommonBasicComponents-2}ID`); konform writes them with the prefixes the
 * message itself declares on its root (`cbc:ID`, or `ID` in the default namespace), and keeps
 * Clark notation for namespaces the message does not declare there, so that an element in a
 * wrong namespace stays visible as such. XSD errors are `fatal`: a schema-invalid document is
 * rejected whatever else it passes (as KoSIT's validator does: XSD validity is the first step
 * of every scenario).
 */
import type { ErrorDetail, XmlDocument } from 'libxml2-wasm';
import type { Finding } from '../model/types.js';
import { capFindings, cleanMessage, locationOf, severityOf } from './parse-findings.js';

const CLARK = /\{([^{}]*)\}([\w.-]+)/g;

/** Namespace URI → prefix as declared on the root element; the default namespace maps to ''. */
function prefixesOf(document: XmlDocument): Map<string, string> {
  const prefixes = new Map<string, string>();
  for (const [prefix, uri] of Object.entries(document.root.nsDeclarations)) {
    if (!prefixes.has(uri) || prefixes.get(uri) === '') prefixes.set(uri, prefix);
  }
  return prefixes;
}

export function prettifyNames(message: string, prefixes: Map<string, string>): string {
  return message.replace(CLARK, (clark, uri: string, local: string) => {
    const prefix = prefixes.get(uri);
    if (prefix === undefined) return clark;
    return prefix === '' ? local : `${prefix}:${local}`;
  });
}

export function xsdFindings(document: XmlDocument, file: string, details: ErrorDetail[]): Finding[] {
  if (details.length === 0) {
    return [{ code: 'xsd-invalid', message: 'the document is not valid against the schema', severity: 'error', location: { file } }];
  }
  const prefixes = prefixesOf(document);
  return capFindings(
    details.map((detail) => ({
      code: 'xsd-invalid',
      message: prettifyNames(cleanMessage(detail.message), prefixes),
      severity: severityOf(detail),
      location: locationOf(file, detail),
    })),
    file,
  );
}
