/**
 * Loads the OpenAPI document a vendor declares: parse (YAML or JSON), validate with
 * @apidevtools/swagger-parser, bundle external files in, list the operations and prepare the
 * schemas. Remote `$ref`s are never fetched (http resolution is off); refs to files next to
 * the document are read. swagger-parser mutates its input, so it gets copies.
 */
import { resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { listOperations } from './operations.js';
import { parseSource } from './parse-source.js';
import { locateParserError } from './parser-errors.js';
import { SchemaRegistry } from './schemas.js';
import type { JsonObject, OpenApiVersion, Operation } from './types.js';

export interface OpenApiDocument {
  file: string;
  version: OpenApiVersion;
  /** The `swagger` or `openapi` field as written, e.g. `3.0.1`. */
  declaredVersion: string;
  title: string | undefined;
  /** The document with every external `$ref` bundled in; all pointers refer to it. */
  data: JsonObject;
  operations: Operation[];
  schemas: SchemaRegistry;
}

type ParserOptions = SwaggerParser.Options;
type ParserInput = Parameters<typeof SwaggerParser.validate>[1];

const PARSER_OPTIONS: ParserOptions = { resolve: { http: false } };

export async function loadOpenApiDocument(path: string): Promise<OpenApiDocument> {
  const file = resolve(path);
  const { data, specError } = await parseSource(file);
  const copy = () => structuredClone(data) as unknown as ParserInput;
  let bundled: JsonObject;
  try {
    await SwaggerParser.validate(file, copy(), PARSER_OPTIONS);
    bundled = (await SwaggerParser.bundle(file, copy(), PARSER_OPTIONS)) as unknown as JsonObject;
  } catch (error) {
    const { message, pointer } = locateParserError(error, data, file);
    throw specError(message, pointer, error);
  }
  const declaredVersion = String(bundled.swagger ?? bundled.openapi);
  const version: OpenApiVersion = declaredVersion === '2.0' ? '2.0' : declaredVersion.startsWith('3.0') ? '3.0' : '3.1';
  const info = bundled.info as { title?: unknown } | undefined;
  return {
    file,
    version,
    declaredVersion,
    title: typeof info?.title === 'string' ? info.title : undefined,
    data: bundled,
    operations: listOperations(bundled, version),
    schemas: new SchemaRegistry(bundled, version, specError),
  };
}
