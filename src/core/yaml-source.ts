/**
 * YAML (and JSON, a subset of YAML 1.2) files read with their source positions, so that
 * every error in a suite, a manifest or a declared document can say file, line and column.
 */
import { readFile } from 'node:fs/promises';
import { isAlias, LineCounter, parseDocument, visit, type Alias, type Document } from 'yaml';
import { KonformError, type ErrorCode, type SourceLocation } from '../model/errors.js';
import { yamlLocator, type Locate } from './yaml-locator.js';

export interface YamlSource {
  file: string;
  data: unknown;
  /** The parsed document, with each node's source range. */
  document: Document;
  /** Where the node a JSON pointer names is written, or its nearest existing ancestor (yaml-locator.ts). */
  locate: Locate;
}

/** A text parsed with its node ranges, every syntax error located; its data not built yet. */
export interface ParsedYaml {
  document: Document.Parsed;
  locate: Locate;
  syntaxErrors: Array<{ message: string; location: SourceLocation }>;
  /** Where the character at `offset` is. */
  position(offset: number): SourceLocation;
}

/** Duplicate keys are an error (YAML 1.2 §3.2.1.1, RFC 8259 §4 interoperability). */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  const syntaxErrors = document.errors.map((error) => ({ message: error.message, location: position(error.pos[0]) }));
  return { document, locate: yamlLocator(file, document, lines), syntaxErrors, position };
}

/** The alias to blame when building the data failed: the first that names no anchor, else the first. */
function blamedAlias(document: Document): Alias | undefined {
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  visit(document, {
    Alias(_, node) {
      first ??= node;
      if (node.resolve(document) === undefined) {
        unresolved = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

/**
 * The data of a parsed text. Aliases are capped against alias bombs (at most 100 per node); an
 * alias past the cap, or one that names no anchor, is an error at its place, not a crash.
 */
function dataOf(parsed: ParsedYaml, file: string, errorCode: ErrorCode): unknown {
  try {
    return parsed.document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    const alias = blamedAlias(parsed.document);
    const at = alias?.range && isAlias(alias) ? parsed.position(alias.range[0]) : { file };
    throw new KonformError(errorCode, `not valid YAML: ${error.message}`, at);
  }
}

/** The file's data and source; its first syntax error, or an alias that cannot be built, throws `errorCode`. */
export function parseYamlText(file: string, text: string, errorCode: ErrorCode): YamlSource {
  const parsed = parseYaml(file, text);
  const { document, locate, syntaxErrors } = parsed;
  const [first] = syntaxErrors;
  if (first) throw new KonformError(errorCode, `not valid YAML: ${first.message.split('\n')[0]}`, first.location);
  return { file, data: dataOf(parsed, file, errorCode), document, locate };
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
