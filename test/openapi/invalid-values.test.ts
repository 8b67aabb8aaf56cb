import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { invalidParameterValue } from '../../src/openapi/invalid-values.js';
import { buildRequest } from '../../src/openapi/request.js';
import { scratch, spec } from './support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
let document: OpenApiDocument;
beforeAll(async () => {
  workspace = await scratch();
  document = await loadOpenApiDocument(
    await workspace.write(
      'invalid.yaml',
      `openapi: 3.0.3
info: {title: invalid, version: '1'}
paths:
  /count/{n}:
    get:
      parameters:
        - {name: flag, in: query, schema: {type: boolean}}
        - {name: n, in: path, required: true, schema: {type: integer, format: int32}}
      responses: {'200': {description: ok}}
  /flags:
    get:
      parameters:
        - {name: on, in: query, required: true, schema: {type: boolean}}
      responses: {'200': {description: ok}}
  /sorted:
    get:
      parameters:
        - {name: name, in: query, schema: {type: string}}
        - {name: order, in: query, schema: {type: string, enum: [asc, konform-not-in-enum]}}
      responses: {'200': {description: ok}}
  /lists:
    get:
      parameters:
        - {name: ids, in: query, explode: false, schema: {type: array, items: {type: number}}}
      responses: {'200': {description: ok}}
  /free:
    get:
      parameters:
        - {name: q, in: query, required: true, schema: {type: string}}
        - {name: either, in: query, schema: {oneOf: [{type: integer}, {type: string}]}}
      responses: {'200': {description: ok}}
`,
    ),
  );
});
afterAll(() => workspace.remove());

const invalidFor = (key: string) => {
  const operation = document.operations.find((candidate) => candidate.key === key);
  if (!operation) throw new Error(key);
  return { operation, invalid: invalidParameterValue(document.data, operation) };
};

test('a required parameter is preferred; integers get a value of the wrong type', () => {
  const { invalid } = invalidFor('GET /count/{n}');
  expect(invalid).toMatchObject({ value: 'not-a-number', reason: 'wrongType', expected: 'integer' });
  expect(invalid?.parameter.name).toBe('n');
});

test('booleans get not-a-boolean', () => {
  expect(invalidFor('GET /flags').invalid).toMatchObject({ value: 'not-a-boolean', reason: 'wrongType', expected: 'boolean' });
});

test('a string enum gets a value outside it, distinct from every enum value', () => {
  const { invalid } = invalidFor('GET /sorted');
  expect(invalid).toMatchObject({ reason: 'outsideEnum', expected: 'asc, konform-not-in-enum' });
  expect(invalid?.value).toBe('konform-not-in-enum-x');
});

test('array items are invalidated inside the array and serialised as the parameter says', () => {
  const { operation, invalid } = invalidFor('GET /lists');
  expect(invalid).toMatchObject({ value: ['not-a-number'], reason: 'wrongType', expected: 'number' });
  const request = buildRequest('http://h', document.data, operation, invalid && { override: { parameter: invalid.parameter, value: invalid.value } });
  expect(request.url).toBe('http://h/lists?ids=not-a-number');
});

test('free strings and schemas of several types cannot be invalidated', () => {
  expect(invalidFor('GET /free').invalid).toBeUndefined();
});

test('the real travel-warning document: the contentId path parameter of type integer', async () => {
  const travel = await loadOpenApiDocument(spec('travelwarning-api/openapi.yaml'));
  const found = travel.operations.flatMap((operation) => {
    const invalid = invalidParameterValue(travel.data, operation);
    return invalid ? [`${operation.key}:${invalid.parameter.name}=${String(invalid.value)}`] : [];
  });
  expect(found).toEqual(['getSingleTravelwarning:contentId=not-a-number']);
});
