/**
 * YAML (and JSON, a subset of YAML 1.2) files read with their source positions, so that
 * every error in a suite, a manifest or a declared document can say file, line and column.
 */
import { readFile } from 'node:fs/promises';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { KonformError, type ErrorCode, type SourceLocation } from '../model/errors.js';
import { pointerTokens } from './json-pointer.js';

export interface YamlSource {
  file: string;
  data: unknown;
  /** The parsed document, with each node's source range. */
  document: Document;
  /** Location of the node a JSON pointer names, or of its nearest existing ancestor. */
  locate(pointer: string): SourceLocation;
}

function locator(file: string, document: Document, lines: LineCounter) {
  return (pointer: string): SourceLocation => {
    const segments = pointerTokens(pointer);
    for (let depth = segments.length; depth >= 0; depth -= 1) {
      const path = segments.slice(0, depth).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const node = depth === 0 ? document.contents : document.getIn(path, true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { file, line, column: col, pointer };
      }
    }
    return { file, pointer };
  };
}

export function parseYamlText(file: string, text: string, errorCode: ErrorCode): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const first = document.errors[0];
  if (first) {
    const { line, col } = lines.linePos(first.pos[0]);
    throw new KonformError(errorCode, `not valid YAML: ${first.message.split('\n')[0]}`, { file, line, column: col });
  }
  return { file, data: document.toJS({ maxAliasCount: 100 }), document, locate: locator(file, document, lines) };
}

/** What `read` gives for a source file (a suite, a manifest); a file that cannot be read is `missingCode`. */
export async function readSourceFile<T>(file: string, missingCode: ErrorCode, read: (file: string) => Promise<T>): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new KonformError(missingCode, `cannot read: ${reason}`, { file }, { cause: error });
  }
}

export async function readYamlFile(file: string, errorCode: ErrorCode, missingCode: ErrorCode): Promise<YamlSource> {
  return parseYamlText(file, await readSourceFile(file, missingCode, (path) => readFile(path, 'utf8')), errorCode);
}
