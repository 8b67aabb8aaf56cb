/**
 * konform validates declared documents against the OpenAPI schemas with validators compiled
 * once per process (src/openapi/oas-schema.ts) instead of swagger-parser's `validate`, which
 * compiles them on every call. Both must say the same of every document: the same error
 * objects, message and pointer. swagger-parser's own `validate` is the oracle here. A document
 * konform validates as written (valid-as-written.ts) gets the same verdict, and each of its
 * problems is one swagger-parser names too.
 */
import { readFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { KonformError } from '../../src/model/errors.js';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { bundledAlready } from '../../src/openapi/bundled-already.js';
import { parseSource } from '../../src/openapi/parse-source.js';
import { validAsWritten } from '../../src/openapi/valid-as-written.js';
import { locateParserErrors } from '../../src/openapi/parser-errors.js';
import { InvalidDocumentError } from '../../src/openapi/spec-error.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { scratch, spec } from './support.js';

type Problem = { message: string; pointer: string | undefined; line: number | undefined };
type Verdict = 'valid' | { problems: Problem[]; details: unknown };

const problemOf = ({ message, location }: { message: string; location?: KonformError['location'] }): Problem => ({
  message,
  pointer: location?.pointer,
  line: location?.line,
});

function verdictOf(error: InvalidDocumentError): Verdict {
  return { problems: error.problems.map(problemOf), details: (error.cause as { details?: unknown }).details };
}

/** What konform makes of swagger-parser's `validate`: the problems of its error, located the same way. */
async function oracle(file: string): Promise<Verdict> {
  const { data, locate, specError } = parseSource(file, await readFile(file, 'utf8'));
  try {
    await SwaggerParser.validate(file, structuredClone(data) as never, { resolve: { http: false } });
    return 'valid';
  } catch (error) {
    const problems = locateParserErrors(error, data, file, locate).map(({ message, pointer }) => problemOf(specError(message, pointer)));
    return { problems: problems.filter((problem, index) => problems.findIndex((other) => JSON.stringify(other) === JSON.stringify(problem)) === index), details: (error as { details?: unknown }).details };
  }
}

async function konform(file: string): Promise<Verdict> {
  return loadOpenApiDocument(file).then(
    () => 'valid' as const,
    (error: unknown) => verdictOf(error as InvalidDocumentError),
  );
}

const DOCUMENTS = ['travelwarning-api/openapi.swagger2-2021-07-31.yaml', 'pegel-online-api/openapi.yaml', 'api-popp/I_PoPP_Token_Generation.yaml'];

/** The documents, valid: the Swagger 2.0 one with its one OpenAPI 3 style parameter written the 2.0 way. */
async function validText(name: string): Promise<string> {
  const text = await readFile(spec(name), 'utf8');
  return text.replace('          schema:\n            type: integer\n            minimum: 1\n', '          type: integer\n          minimum: 1\n');
}

const firstOperation = (doc: JsonObject) => Object.values(Object.values(doc.paths as JsonObject)[0] as JsonObject).find((value) => typeof value === 'object' && value !== null && 'responses' in value) as JsonObject;
const schemas = (doc: JsonObject) => (doc.swagger ? ((doc.definitions ??= {}) as JsonObject) : ((((doc.components ??= {}) as JsonObject).schemas ??= {}) as JsonObject));
const ref = (doc: JsonObject, name: string) => (doc.swagger ? `#/definitions/${name}` : `#/components/schemas/${name}`);

/** A parameter declared once, at the document's (2.0) or its components' (3) `parameters`, and a ref to it. */
function declaredParameter(doc: JsonObject, name: string, parameter: JsonObject): string {
  const holder = doc.swagger ? doc : ((doc.components ??= {}) as JsonObject);
  ((holder.parameters ??= {}) as JsonObject)[name] = parameter;
  return doc.swagger ? `#/parameters/${name}` : `#/components/parameters/${name}`;
}

const MUTATIONS: Record<string, (doc: JsonObject) => void> = {
  unchanged: () => {},
  'info without title': (doc) => delete (doc.info as JsonObject).title,
  'an unknown top-level field': (doc) => void (doc.surprise = 1),
  'a path not starting with /': (doc) => void ((doc.paths as JsonObject)['things'] = {}),
  'an operation without responses': (doc) => delete firstOperation(doc).responses,
  'a parameter in an unknown location': (doc) => void (firstOperation(doc).parameters = [{ name: 'q', in: 'nowhere', type: 'string' }]),
  'a schema whose type is a number': (doc) => void (schemas(doc).Broken = { type: 5 }),
  'a circular schema (valid)': (doc) => void (schemas(doc).Node = { type: 'object', properties: { child: { $ref: ref(doc, 'Node') } } }),
  'a parameter ref to a schema': (doc) => {
    schemas(doc).Plain = { type: 'string' };
    firstOperation(doc).parameters = [{ $ref: ref(doc, 'Plain') }];
  },
  'a ref to an invalid parameter': (doc) => {
    firstOperation(doc).parameters = [{ $ref: declaredParameter(doc, 'Bad', { name: 'b', in: 'nowhere', type: 'string' }) }];
  },
  'a parameter ref with a sibling': (doc) => {
    const parameter = doc.swagger ? { name: 'p', in: 'query', type: 'string' } : { name: 'p', in: 'query', schema: { type: 'string' } };
    firstOperation(doc).parameters = [{ $ref: declaredParameter(doc, 'P', parameter), surprise: true }];
  },
  'a response ref to a schema': (doc) => {
    schemas(doc).Plain = { type: 'string' };
    firstOperation(doc).responses = { '200': { $ref: ref(doc, 'Plain') } };
  },
  'a duplicate operationId': (doc) => {
    const operation = firstOperation(doc);
    operation.operationId = 'twice';
    (doc.paths as JsonObject)['/twice'] = { get: { ...operation } };
  },
};

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());

describe.each(DOCUMENTS)('%s', (name) => {
  test.each(Object.keys(MUTATIONS))('%s: the same verdict as swagger-parser', async (mutation) => {
    const { data } = parseSource(spec(name), await validText(name));
    MUTATIONS[mutation]?.(data);
    const file = await workspace.write(`${name.replaceAll('/', '-')}-${mutation.replaceAll(' ', '-')}.yaml`, stringify(data));
    const expected = await oracle(file);
    const actual = await konform(file);
    if (mutation === 'unchanged' || mutation.endsWith('(valid)')) expect(expected).toBe('valid');
    if (expected === 'valid' || !(bundledAlready(data) && validAsWritten(data))) return void expect(actual).toEqual(expected);
    // Validated as written, a problem is named where it is written; swagger-parser names it there and again at each ref to it.
    expect(actual).not.toBe('valid');
    expect(expected.problems).toEqual(expect.arrayContaining((actual as Exclude<Verdict, 'valid'>).problems));
  });
});
