/**
 * Reads the declared document, YAML or JSON, keeping the node ranges so that later errors can
 * name a line and column; every syntax error is reported. Aliases are capped (the yaml
 * package's default of 100) against alias bombs; duplicate keys are an error (YAML 1.2
 * §3.2.1.1, RFC 8259 §4 interoperability).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { isJsonObject } from './refs.js';
import { SourceMap } from './source-map.js';
import { InvalidDocumentError, specErrorFactory, specMissing, type DocumentProblem, type SpecErrorFactory } from './spec-error.js';
import type { JsonObject } from './types.js';

export interface ParsedSource {
  data: JsonObject;
  /** Makes SPEC_INVALID errors located by JSON pointer in this source. */
  specError: SpecErrorFactory;
}

/** What `read` gives for the declared document (its bytes by default); SPEC_MISSING when it cannot be read. */
export async function readSource<T = Buffer>(file: string, read: (file: string) => Promise<T> = readFile as (file: string) => Promise<T>): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    throw specMissing(file, error);
  }
}

export function parseSource(file: string, text: string): ParsedSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const specError = specErrorFactory(file, new SourceMap(document, lines));
  const [first, ...others] = document.errors.map((syntaxError): DocumentProblem => {
    const { line, col } = lines.linePos(syntaxError.pos[0]);
    return { aspect: 'document', message: `not valid YAML or JSON: ${syntaxError.message}`, location: { file, line, column: col } };
  });
  if (first) throw new InvalidDocumentError([first, ...others]);
  let data: unknown;
  try {
    data = document.toJS();
  } catch (error) {
    throw specError(`cannot be read as data: ${(error as Error).message}`, '', error);
  }
  if (!isJsonObject(data)) throw specError('the document is not an object', '');
  return { data, specError };
}
