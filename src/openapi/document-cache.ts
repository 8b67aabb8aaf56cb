/**
 * Declared documents, loaded and with every schema compiled, kept for the process: a library
 * user running the same document again (one CI job checking several servers, say) skips
 * parsing, validation and schema compilation. An entry is found by the file's path and the
 * sha256 of its bytes (not read again while the file is unchanged, see core/file-hash.ts),
 * so an edited file is loaded afresh. A document whose `$ref`s read other
 * files is not reused (they could have changed unseen), only described.
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { bytesOf, currentHash } from '../core/file-hash.js';
import { documentFromSource, type OpenApiDocument } from './document.js';
import { jsonDocument, readSource } from './parse-source.js';

/** What a report says of the declared document: its hash, its own title and version. */
export interface DocumentSummary {
  sha256: string;
  title?: string;
  version?: string;
  /** The `openapi` or `swagger` field. */
  openapi?: string;
}

const MAX_DOCUMENTS = 8;
const documents = new Map<string, OpenApiDocument>();

const keyOf = (file: string, hash: string) => `${hash} ${file}`;

/** Keeps the document as the most recently used, forgetting the least recently used beyond the limit. */
function remember(document: OpenApiDocument): void {
  const key = keyOf(document.file, document.sha256);
  documents.delete(key);
  documents.set(key, document);
  for (const stale of [...documents.keys()].slice(0, -MAX_DOCUMENTS)) documents.delete(stale);
}

/**
 * The document at `path`, loaded and every schema compiled; a broken one throws SPEC_INVALID
 * (or SPEC_MISSING). An abort of `signal` stops the load, which rejects with its reason.
 */
export async function compiledDocument(path: string, signal?: AbortSignal): Promise<OpenApiDocument> {
  const file = resolve(path);
  const current = await readSource(file, currentHash);
  const cached = documents.get(keyOf(file, current.sha256));
  if (cached && cached.externalFiles.length === 0) {
    remember(cached);
    return cached;
  }
  const document = await documentFromSource(file, (await readSource(file, (read) => bytesOf(read, current))).bytes, signal);
  await document.schemas.compileAllInSlices(signal);
  remember(document);
  return document;
}

/** The summary of the file at `path`: from its loaded document when there is one, else read from the file. */
export async function summariseDocument(path: string): Promise<DocumentSummary> {
  const file = resolve(path);
  const current = await currentHash(file);
  const hash = current.sha256;
  const known = documents.get(keyOf(file, hash));
  const head = known
    ? { title: known.title, version: known.apiVersion, openapi: known.declaredVersion }
    : fieldsOf(readData((await bytesOf(file, current)).bytes.toString('utf8')));
  return {
    sha256: hash,
    ...(head.title ? { title: head.title } : {}),
    ...(head.version ? { version: head.version } : {}),
    ...(head.openapi ? { openapi: head.openapi } : {}),
  };
}

/** The data of a document's text, read as leniently as can be: of a JSON text by JSON.parse, many times faster than as YAML. */
function readData(text: string): unknown {
  return jsonDocument(text) ?? parse(text, { logLevel: 'silent' });
}

function fieldsOf(data: unknown): Omit<DocumentSummary, 'sha256'> {
  const field = (object: unknown, key: string): string | undefined => {
    const value = typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const info = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).info : undefined;
  return { title: field(info, 'title'), version: field(info, 'version'), openapi: field(data, 'openapi') ?? field(data, 'swagger') };
}
