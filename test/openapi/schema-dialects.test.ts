import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { scratch } from './support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());

async function load(name: string, text: string): Promise<OpenApiDocument> {
  const document = await loadOpenApiDocument(await workspace.write(name, text));
  document.schemas.compileAll();
  return document;
}

const OPENAPI_30 = `openapi: 3.0.3
info: {title: dialects, version: '1'}
paths: {}
components:
  schemas:
    Nullable: {type: string, nullable: true, example: abc, x-internal: true}
    NullableWithoutType: {nullable: true, allOf: [{type: string}]}
    Exclusive: {type: number, minimum: 1, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false}
    Secret:
      type: object
      required: [name, password, token]
      properties:
        name: {type: string}
        password: {type: string, writeOnly: true, format: password}
        token: {$ref: '#/components/schemas/Token'}
    Token: {type: string, writeOnly: true}
    Pet:
      type: object
      discriminator: {propertyName: kind}
      xml: {name: pet}
      externalDocs: {url: 'https://example.org'}
      properties:
        kind: {type: string}
        sibling: {$ref: '#/components/schemas/Nullable', nullable: false, type: integer}
    Numbers:
      type: object
      properties:
        small: {type: integer, format: int32}
        big: {type: integer, format: int64}
        ratio: {type: number, format: double}
        raw: {type: string, format: byte}
        when: {type: string, format: date-time}
        sloppy: {type: string, format: datetime}
`;

describe('OpenAPI 3.0 schemas are converted to JSON Schema 2020-12', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await load('dialect-30.yaml', OPENAPI_30);
  });
  const valid = (name: string, value: unknown) => document.schemas.validator(`/components/schemas/${name}`)(value);

  test('nullable adds null to the type; annotations and x- extensions do not constrain', () => {
    expect(valid('Nullable', null)).toBe(true);
    expect(valid('Nullable', 'abc')).toBe(true);
    expect(valid('Nullable', 3)).toBe(false);
  });

  test('nullable without a type adds nothing (OpenAPI 3.0.3)', () => {
    expect(valid('NullableWithoutType', 'text')).toBe(true);
    expect(valid('NullableWithoutType', null)).toBe(false);
  });

  test('draft 4 boolean exclusiveMinimum/exclusiveMaximum', () => {
    expect(valid('Exclusive', 1)).toBe(false);
    expect(valid('Exclusive', 1.5)).toBe(true);
    expect(valid('Exclusive', 10)).toBe(true);
    expect(valid('Exclusive', 10.5)).toBe(false);
  });

  test('a required writeOnly property, inline or by $ref, is not required in a response', () => {
    expect(valid('Secret', { name: 'x' })).toBe(true);
    expect(valid('Secret', {})).toBe(false);
  });

  test('discriminator, xml and externalDocs are ignored; siblings of $ref are ignored', () => {
    expect(valid('Pet', { kind: 'cat', sibling: 'text' })).toBe(true);
    expect(valid('Pet', { kind: 'cat', sibling: 7 })).toBe(false);
  });

  test('OpenAPI formats compile; int32, int64 and byte are checked', () => {
    expect(valid('Numbers', { small: 2 ** 31 - 1, big: 2 ** 53, ratio: 0.5, raw: 'a29uZm9ybQ==', sloppy: 'whenever' })).toBe(true);
    expect(valid('Numbers', { small: 2 ** 31 })).toBe(false);
    expect(valid('Numbers', { raw: 'not base64!' })).toBe(false);
    expect(valid('Numbers', { when: 'yesterday' })).toBe(false);
    expect(document.schemas.warnings).toEqual([]);
  });

  test('validators are compiled once and cached by pointer', () => {
    expect(document.schemas.validator('/components/schemas/Nullable')).toBe(document.schemas.validator('/components/schemas/Nullable'));
  });
});

test('Swagger 2.0: a file response accepts any body; a tuple is prefixItems', async () => {
  const document = await load(
    'dialect-20.yaml',
    `swagger: '2.0'
info: {title: dialects, version: '1'}
paths:
  /download:
    get:
      produces: [application/octet-stream]
      responses:
        '200': {description: file, schema: {type: file}}
definitions:
  Pair: {type: array, items: [{type: string}, {type: integer}]}
`,
  );
  expect(document.schemas.validator('/paths/~1download/get/responses/200/schema')('anything')).toBe(true);
  const pair = document.schemas.validator('/definitions/Pair');
  expect(pair(['a', 1])).toBe(true);
  expect(pair(['a', 'b'])).toBe(false);
});

test('OpenAPI 3.1 schemas are JSON Schema 2020-12 already', async () => {
  const document = await load(
    'dialect-31.yaml',
    `openapi: 3.1.0
info: {title: dialects, version: '1'}
paths: {}
components:
  schemas:
    Maybe: {type: [string, 'null'], examples: [a]}
    Positive: {type: number, exclusiveMinimum: 0}
`,
  );
  const maybe = document.schemas.validator('/components/schemas/Maybe');
  expect(maybe(null)).toBe(true);
  expect(maybe(1)).toBe(false);
  const positive = document.schemas.validator('/components/schemas/Positive');
  expect(positive(0)).toBe(false);
  expect(positive(0.1)).toBe(true);
});
