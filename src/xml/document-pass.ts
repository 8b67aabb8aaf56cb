/**
 * One read and one parse of a message file for every judgement konform makes on its parsed
 * document: whether it is well-formed within the default limits (parse.ts), its root element
 * (which decides the checks that are for it), its scenario in each scenario table, and its
 * validity against each schema that is for its root. The document is freed before the pass
 * returns; what it hands back is plain data.
 *
 * The root is the parsed document's; a file that is no document — not well-formed, or over
 * the byte limit and refused unread (only its head is read then) — still has the root its
 * first bytes name (root-element.ts), which decides the checks that are for it and that fail
 * it; a file whose first bytes name none is rootless, and its parse findings say why.
 */
import { closeSync, openSync } from 'node:fs';
import type { XmlDocument } from 'libxml2-wasm';
import type { Finding } from '../model/types.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { parseXml, readWithinLimit, type ParsedXml } from './parse.js';
import { clark, readRootElementOf, rootElementOfBytes, type QualifiedName } from './root-element.js';
import { selectScenario, type Scenario, type ScenarioTable } from './scenarios.js';
import type { XsdSchema } from './xsd.js';

export type FileRoot =
  | { root: string }
  /** No root: the parse findings, and whether the file was refused unread for its size. */
  | { rootless: { findings: Finding[]; tooLarge: boolean } };

/** A schema the pass validates against, for files whose root is in `match` (every file without it). */
export interface SchemaJudge {
  key: string;
  /** The schema, compiled when a file first needs it; undefined when it cannot be had (its check says why). */
  schema(): XsdSchema | undefined;
  match?: readonly string[] | undefined;
}

/** What the pass judges besides well-formedness and the root. */
export interface DocumentJudges {
  schemas: readonly SchemaJudge[];
  /** Scenario tables by key. */
  tables: ReadonlyMap<string, ScenarioTable>;
}

export interface DocumentFacts {
  root: FileRoot;
  /** The parse within the default byte limit. */
  parse: { wellFormed: boolean; tooLarge: boolean; findings: Finding[] };
  /** The file's scenario in each table (undefined: none matches, or the file is no document). */
  scenarios: Map<string, Scenario | undefined>;
  /**
   * For each schema that is for the file: the parse findings (warnings, or the errors of a
   * file that is not well-formed), then the validation findings.
   */
  xsd: Map<string, Finding[]>;
}

export const NO_JUDGES: DocumentJudges = { schemas: [], tables: new Map() };

/** The root of the parsed document; of a file that is no document, the root its head names. */
function rootOf(head: () => QualifiedName | undefined, parsed: ParsedXml): FileRoot {
  if (parsed.document) {
    const { namespaceUri, name } = parsed.document.root;
    return { root: clark({ namespace: namespaceUri, localName: name }) };
  }
  const named = head();
  return named ? { root: clark(named) } : { rootless: { findings: parsed.findings, tooLarge: parsed.tooLarge === true } };
}

function judged(file: string, head: () => QualifiedName | undefined, parsed: ParsedXml, judges: DocumentJudges): DocumentFacts {
  const root = rootOf(head, parsed);
  const document: XmlDocument | undefined = parsed.document;
  const scenarios = new Map<string, Scenario | undefined>();
  for (const [key, table] of judges.tables) scenarios.set(key, document && selectScenario(table, document));
  const xsd = new Map<string, Finding[]>();
  for (const judge of judges.schemas) {
    if (judge.match && !('root' in root && judge.match.includes(root.root))) continue;
    const schema = judge.schema();
    if (!schema) continue;
    xsd.set(judge.key, document ? [...parsed.findings, ...schema.validate(document, file)] : parsed.findings);
  }
  return { root, parse: { wellFormed: document !== undefined, tooLarge: !parsed.document && parsed.tooLarge === true, findings: parsed.findings }, scenarios, xsd };
}

/** Reads and parses the file once and makes every judgement of `judges` on it. A file that cannot be read throws. */
export function documentFacts(file: string, judges: DocumentJudges = NO_JUDGES): DocumentFacts {
  const fd = openSync(file, 'r');
  try {
    const read = readWithinLimit(fd, file);
    if ('refused' in read) return judged(file, () => readRootElementOf(fd, DEFAULT_MAX_BYTES), read.refused, judges);
    const parsed = parseXml(read.bytes, file);
    try {
      return judged(file, () => rootElementOfBytes(read.bytes), parsed, judges);
    } finally {
      parsed.document?.dispose();
    }
  } finally {
    closeSync(fd);
  }
}

/** The file's root element in Clark notation, `{namespace}localName`, or why it has none. */
export function fileRoot(file: string): FileRoot {
  return documentFacts(file).root;
}
