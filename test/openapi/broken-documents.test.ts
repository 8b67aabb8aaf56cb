import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { scratch, thingsDocument } from './support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());
afterEach(() => vi.restoreAllMocks());

async function loadError(name: string, text: string): Promise<KonformError> {
  const error = await loadOpenApiDocument(await workspace.write(name, text)).then(
    (document) => document.schemas.compileAll(),
  ).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(KonformError);
  return error as KonformError;
}

const SCHEMA_AT = '/paths/~1things/get/responses/200/content/application~1json/schema';

describe('a broken document is SPEC_INVALID with the pointer of the problem', () => {
  test('a missing file is SPEC_MISSING', async () => {
    const error = await loadOpenApiDocument(`${workspace.dir}/nothing-here.yaml`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: ERROR_CODES.SPEC_MISSING });
  });

  test('text that is neither YAML nor JSON names its line and column', async () => {
    const error = await loadError('syntax.yaml', 'openapi: 3.0.3\ninfo: {title: x\npaths: {}\n');
    expect(error.code).toBe(ERROR_CODES.SPEC_INVALID);
    expect(error.location?.line).toBeGreaterThanOrEqual(2);
    expect(error.location?.column).toBeGreaterThan(0);
  });

  test('a JSON document is read as well, with the line of a structural error', async () => {
    const json = JSON.stringify({ openapi: '3.0.3', info: { version: '1' }, paths: {} }, null, 2);
    const error = await loadError('no-title.json', json);
    expect(error.code).toBe(ERROR_CODES.SPEC_INVALID);
    expect(error.location).toMatchObject({ pointer: '/info', line: 3, column: 3 });
    expect(error.message).toContain("must have required property 'title'");
  });

  test('a JSON document that repeats a key is refused at the repeat, however the key is written', async () => {
    const written = '{\n  "openapi": "3.0.3",\n  "info": {"title": "x", "version": "1", "\\u0074itle": "y"},\n  "paths": {}\n}\n';
    const error = await loadError('repeated-key.json', written);
    expect(error.code).toBe(ERROR_CODES.SPEC_INVALID);
    expect(error.message).toContain('unique');
    expect(error.location).toMatchObject({ line: 3 });
  });

  test('an invalid structure: a parameter in an unknown location', async () => {
    const text = thingsDocument('                type: string').replace(
      '      responses:',
      '      parameters:\n        - {name: q, in: body, schema: {type: string}}\n      responses:',
    );
    const error = await loadError('structure.yaml', text);
    expect(error.location).toMatchObject({ pointer: '/paths/~1things/get/parameters/0', line: 7, column: 11 });
  });

  test('a schema that does not compile: a pattern that is no regular expression', async () => {
    const error = await loadError('pattern.yaml', thingsDocument('                type: string\n                pattern: "[a-"'));
    expect(error.code).toBe(ERROR_CODES.SPEC_INVALID);
    expect(error.location?.pointer).toBe(`${SCHEMA_AT}/pattern`);
    expect(error.location?.line).toBe(13);
  });

  test('a 3.1 schema with a type JSON Schema does not have', async () => {
    const text = thingsDocument('                type: text').replace('openapi: 3.0.3', 'openapi: 3.1.0');
    const error = await loadError('type.yaml', text);
    expect(error.location?.pointer).toBe(`${SCHEMA_AT}/type`);
  });

  test('a 3.1 schema in a dialect konform does not support', async () => {
    const schema = "                $schema: 'http://json-schema.org/draft-04/schema#'\n                type: string";
    const error = await loadError('dialect.yaml', thingsDocument(schema).replace('openapi: 3.0.3', 'openapi: 3.1.0'));
    expect(error.location?.pointer).toBe(SCHEMA_AT);
    expect(error.message).toContain('draft-04');
  });

  test('a local $ref to nothing names the $ref', async () => {
    const error = await loadError('dangling.yaml', thingsDocument("                $ref: '#/components/schemas/Nope'"));
    expect(error.location).toMatchObject({ pointer: `${SCHEMA_AT}/$ref`, line: 12 });
  });

  test('a $ref to a file that does not exist names the $ref', async () => {
    const error = await loadError('no-file.yaml', thingsDocument("                $ref: './missing.yaml#/Thing'"));
    expect(error.location?.pointer).toBe(`${SCHEMA_AT}/$ref`);
  });

  test('a ref to a missing place in another file names the $ref to that file', async () => {
    await workspace.write('schemas/other.yaml', 'Other: {type: string}\n');
    const error = await loadError('wrong-place.yaml', thingsDocument("                $ref: './schemas/other.yaml#/Nope'"));
    expect(error.location?.pointer).toBe(`${SCHEMA_AT}/$ref`);
  });

  test('a remote $ref is never fetched: SPEC_INVALID at the $ref', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const error = await loadError('remote.yaml', thingsDocument("                $ref: 'https://specs.example.org/common.yaml#/Thing'"));
    expect(error.location?.pointer).toBe(`${SCHEMA_AT}/$ref`);
    expect(error.message).toContain('https://specs.example.org/common.yaml');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test('a Swagger 2.0 path parameter without its {placeholder} is found by the semantic checks', async () => {
    const text = `swagger: '2.0'
info: {title: scratch, version: '1'}
paths:
  /things/{id}:
    get:
      parameters:
        - {name: thing, in: path, required: true, type: string}
      responses:
        '200': {description: ok}
`;
    const error = await loadError('swagger-path.yaml', text);
    expect(error.location).toMatchObject({ pointer: '/paths/~1things~1{id}/get', line: 5 });
    expect(error.message).toContain('no corresponding {thing}');
  });
});

describe('refs to local files', () => {
  test('resolve relative to the document and take part in validation', async () => {
    await workspace.write('schemas/thing.yaml', 'Thing:\n  type: object\n  required: [id]\n  properties:\n    id: {type: integer}\n');
    const file = await workspace.write('with-file-ref.yaml', thingsDocument("                $ref: './schemas/thing.yaml#/Thing'"));
    const document = await loadOpenApiDocument(file);
    document.schemas.compileAll();
    const validate = document.schemas.validator(SCHEMA_AT);
    expect(validate({ id: 1 })).toBe(true);
    expect(validate({ id: 'one' })).toBe(false);
  });
});
