/**
 * Loads the OpenAPI document a vendor declares: parse (YAML or JSON), validate as
 * @apidevtools/swagger-parser does (its schema step by oas-schema.ts, with a validator
 * compiled once per process), bundle external files in (where bundling would change the
 * document, bundled-already.ts), list the operations and prepare the schemas. Remote `$ref`s
 * are never fetched (http resolution is off); refs to files next to the document are read.
 * swagger-parser mutates its input, so it gets copies; it is loaded only for a document that is
 * not valid as written, the OpenAPI schemas only when a document is loaded.
 */
import { resolve } from 'node:path';
import type SwaggerParser from '@apidevtools/swagger-parser';
import { nextTurn } from '../core/event-loop.js';
import { sha256 } from '../core/sha256.js';
import type { Locate } from '../core/yaml-locator.js';
import { bundledAlready } from './bundled-already.js';
import { listOperations } from './operations.js';
import { parseSource, readSource, type ParsedSource } from './parse-source.js';
import { validAsWritten } from './valid-as-written.js';
import { locateParserErrors } from './parser-errors.js';
import { SchemaRegistry } from './schemas.js';
import { InvalidDocumentError, type DocumentProblem, type SpecErrorFactory } from './spec-error.js';
import type { JsonObject, OpenApiVersion, Operation } from './types.js';

export interface OpenApiDocument {
  file: string;
  /** sha256 of the file as read. */
  sha256: string;
  /** Other files its `$ref`s read (bundled into `data`). */
  externalFiles: readonly string[];
  version: OpenApiVersion;
  /** The `swagger` or `openapi` field as written, e.g. `3.0.1`. */
  declaredVersion: string;
  title: string | undefined;
  /** `info.version`: the version of the API, not of OpenAPI. */
  apiVersion: string | undefined;
  /** The document with every external `$ref` bundled in; all pointers refer to it. */
  data: JsonObject;
  /** Where a pointer into `data` is written in the file: line, column and the pointer of that place. */
  locate: Locate;
  operations: Operation[];
  schemas: SchemaRegistry;
}

type Parser = typeof SwaggerParser;
type ParserInput = Parameters<Parser['validate']>[1];

const PARSER_OPTIONS: SwaggerParser.Options = { resolve: { http: false } };

/**
 * How the document is validated: as written (valid-as-written.ts), for which swagger-parser is
 * not even loaded; or by swagger-parser, `local` saying whether every `$ref` is local and points
 * straight at its target (bundled-already.ts).
 */
type Checking = { asWritten: true } | { asWritten: false; local: boolean; Parser: Parser };

/**
 * swagger-parser's `validate`, step by step: dereference leaving circular refs in place, the
 * schema, then its semantic checks on the fully dereferenced document. Those are of Swagger
 * 2.0 only (its lib/validators/spec.js returns at once for `openapi`): an OpenAPI 3 document
 * is not dereferenced for them a second time, nor for the schema where that could not change
 * the verdict (valid-as-written.ts). `local`: every `$ref` is local and points straight at its
 * target (bundled-already.ts), so that no other file is searched for.
 */
async function validate(checking: Checking, file: string, source: ParsedSource, signal: AbortSignal | undefined): Promise<void> {
  const { validateOasSchema } = await import('./oas-schema.js');
  await nextTurn(signal);
  if (checking.asWritten) return validateOasSchema(source.data);
  const { Parser, local } = checking;
  const copy = () => source.copy() as unknown as ParserInput;
  // Every unresolvable `$ref` is reported, not only the first (ref-errors.ts).
  const resolve = { ...PARSER_OPTIONS.resolve, ...(local ? { external: false } : {}) };
  const api = (await new Parser().dereference(file, copy(), { resolve, continueOnError: true, dereference: { circular: 'ignore' } })) as unknown as JsonObject;
  await nextTurn(signal);
  validateOasSchema(api);
  if (api.swagger === undefined) return;
  await nextTurn(signal);
  await Parser.validate(file, copy(), { ...PARSER_OPTIONS, validate: { schema: false } });
}

/** The document with every external `$ref` bundled in, and the other files its `$ref`s read. */
async function bundle(Parser: Parser, file: string, source: ParsedSource): Promise<{ bundled: JsonObject; externalFiles: string[] }> {
  const bundler = new Parser();
  const bundled = (await bundler.bundle(file, source.copy() as unknown as ParserInput, PARSER_OPTIONS)) as unknown as JsonObject;
  return { bundled, externalFiles: bundler.$refs.paths('file').filter((read) => read !== file) };
}

export async function loadOpenApiDocument(path: string): Promise<OpenApiDocument> {
  const file = resolve(path);
  return documentFromSource(file, await readSource(file));
}

/**
 * The document in `bytes`, read from `file` (which locates errors and relative `$ref`s). The
 * event loop gets its turn between the steps; an abort of `signal` stops the load there.
 */
export async function documentFromSource(file: string, bytes: Buffer, signal?: AbortSignal): Promise<OpenApiDocument> {
  const source = parseSource(file, bytes.toString('utf8'));
  const { data, locate, specError } = source;
  await nextTurn(signal);
  const checking: Checking = validAsWritten(data)
    ? { asWritten: true }
    : { asWritten: false, local: bundledAlready(data), Parser: (await import('@apidevtools/swagger-parser')).default };
  let bundled = data;
  let externalFiles: string[] = [];
  try {
    await validate(checking, file, source, signal);
    await nextTurn(signal);
    if (!checking.asWritten && !checking.local) ({ bundled, externalFiles } = await bundle(checking.Parser, file, source));
  } catch (error) {
    if (signal?.aborted) throw error;
    throw invalidDocument(locateParserErrors(error, data, file, locate), specError, error);
  }
  await nextTurn(signal);
  const declaredVersion = String(bundled.swagger ?? bundled.openapi);
  const version: OpenApiVersion = declaredVersion === '2.0' ? '2.0' : declaredVersion.startsWith('3.0') ? '3.0' : '3.1';
  const info = bundled.info as { title?: unknown; version?: unknown } | undefined;
  const operations = await listOperations(bundled, version, signal);
  await nextTurn(signal);
  const schemas = await SchemaRegistry.inSteps(bundled, version, specError, signal);
  return {
    file,
    sha256: sha256(bytes),
    externalFiles,
    version,
    declaredVersion,
    title: typeof info?.title === 'string' ? info.title : undefined,
    apiVersion: typeof info?.version === 'string' ? info.version : undefined,
    data: bundled,
    locate,
    operations,
    schemas,
  };
}

/**
 * The problems located in the source; a problem the validator saw once per place a `$ref`
 * leads to it is reported once, where it is written.
 */
function invalidDocument(
  problems: Array<{ message: string; pointer: string | undefined }>,
  specError: SpecErrorFactory,
  cause: unknown,
): InvalidDocumentError {
  const located = new Map<string, DocumentProblem>();
  for (const { message, pointer } of problems) {
    const { location } = specError(message, pointer);
    located.set(`${location?.pointer} ${message}`, { aspect: 'document', message, location: location ?? {} });
  }
  const [first, ...others] = located.values();
  return new InvalidDocumentError([first as DocumentProblem, ...others], cause);
}
