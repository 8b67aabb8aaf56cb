import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { buildRequest, joinUrl } from '../../src/openapi/request.js';
import { serialiseCookie, serialiseHeader, serialisePath, serialiseQuery } from '../../src/openapi/serialise.js';
import { sampleForPattern } from '../../src/openapi/pattern-sample.js';
import type { Operation, ParameterSpec } from '../../src/openapi/types.js';
import { scratch, spec } from './support.js';

const BASE = 'http://127.0.0.1:8080/webservices/rest-api/v2';

function operation(document: OpenApiDocument, key: string): Operation {
  const found = document.operations.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no operation ${key}`);
  return found;
}

describe('requests for the real pegel-online document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = await loadOpenApiDocument(spec('pegel-online-api/openapi.yaml'));
  });

  test('path parameters take their first example; optional ones with an empty example are left out', () => {
    const request = buildRequest(BASE, document.data, operation(document, 'getMeasurementByStation'));
    expect(request).toEqual({
      method: 'GET',
      url: `${BASE}/stations/593647aa-9fea-43ec-a7d6-6476a76ae868/W/measurements.json?start=2022-02-06T09%3A00%3A00%2B01%3A00`,
      headers: { accept: 'application/json' },
    });
  });

  test('optional parameters without a value in the document are not sent', () => {
    expect(buildRequest(BASE, document.data, operation(document, 'getStations')).url).toBe(`${BASE}/stations.json`);
  });

  test('optional parameters with an example are sent', () => {
    const request = buildRequest(BASE, document.data, operation(document, 'getMeasurementDiagramByStation'));
    expect(new URL(request.url).searchParams.toString()).toBe('start=2022-02-06T09%3A00%3A00%2B01%3A00&width=900&height=400');
    expect(request.headers?.accept).toBe('image/png');
  });
});

test('the target URL keeps its base path and query', () => {
  expect(joinUrl('https://api.example.org/', '/a', ['b=1'])).toBe('https://api.example.org/a?b=1');
  expect(joinUrl('https://api.example.org/v2/?key=k', '/a', ['b=1'])).toBe('https://api.example.org/v2/a?key=k&b=1');
});

describe('serialisation styles (OpenAPI 3 §4.8.12.4)', () => {
  const parameter = (overrides: Partial<ParameterSpec>): ParameterSpec => ({
    name: 'color',
    in: 'query',
    required: true,
    pointer: '',
    schema: undefined,
    schemaPointer: undefined,
    style: 'form',
    explode: true,
    examples: [],
    ...overrides,
  });
  const list = ['blue', 'black'];
  const object = { R: 100, G: 200 };

  test('path: simple, label, matrix', () => {
    const path = (style: ParameterSpec['style'], explode: boolean, value: unknown) =>
      serialisePath(parameter({ in: 'path', style, explode }), value);
    expect(path('simple', false, 'a b/c')).toBe('a%20b%2Fc');
    expect(path('simple', false, list)).toBe('blue,black');
    expect(path('simple', false, object)).toBe('R,100,G,200');
    expect(path('simple', true, object)).toBe('R=100,G=200');
    expect(path('label', false, list)).toBe('.blue,black');
    expect(path('label', true, list)).toBe('.blue.black');
    expect(path('matrix', false, 'blue')).toBe(';color=blue');
    expect(path('matrix', false, list)).toBe(';color=blue,black');
    expect(path('matrix', true, list)).toBe(';color=blue;color=black');
    expect(path('matrix', true, object)).toBe(';R=100;G=200');
  });

  test('query: form, spaceDelimited, pipeDelimited, deepObject; empty lists are left out', () => {
    const query = (style: ParameterSpec['style'], explode: boolean, value: unknown) =>
      serialiseQuery(parameter({ style, explode }), value);
    expect(query('form', true, 'a&b')).toEqual(['color=a%26b']);
    expect(query('form', true, list)).toEqual(['color=blue', 'color=black']);
    expect(query('form', false, list)).toEqual(['color=blue,black']);
    expect(query('form', true, object)).toEqual(['R=100', 'G=200']);
    expect(query('form', false, object)).toEqual(['color=R,100,G,200']);
    expect(query('spaceDelimited', false, list)).toEqual(['color=blue%20black']);
    expect(query('pipeDelimited', false, list)).toEqual(['color=blue|black']);
    expect(query('tabDelimited', false, list)).toEqual(['color=blue%09black']);
    expect(query('deepObject', true, object)).toEqual(['color%5BR%5D=100', 'color%5BG%5D=200']);
    expect(query('form', false, [])).toEqual([]);
  });

  test('header and cookie', () => {
    expect(serialiseHeader(parameter({ in: 'header', style: 'simple', explode: false }), list)).toBe('blue,black');
    expect(serialiseHeader(parameter({ in: 'header', style: 'simple', explode: false }), 'a\r\nb')).toBe('ab');
    expect(serialiseCookie(parameter({ in: 'cookie' }), 'a;b')).toBe('color=a%3Bb');
  });
});

test('patterns: simple ones give a matching sample, others none', () => {
  expect(sampleForPattern('^[A-Z]{3}-\\d{2}$')).toBe('AAA-00');
  expect(sampleForPattern('^\\w+@example\\.org$')).toBe('a@example.org');
  expect(sampleForPattern('^(a|b)$')).toBeUndefined();
  expect(sampleForPattern('^[^0-9]+$')).toBeUndefined();
});

describe('values for parameters without examples', () => {
  let workspace: Awaited<ReturnType<typeof scratch>>;
  let document: OpenApiDocument;
  beforeAll(async () => {
    workspace = await scratch();
    const file = await workspace.write(
      'values.yaml',
      `openapi: 3.0.3
info: {title: values, version: '1'}
paths:
  /items/{code}/{id}:
    parameters:
      - {name: code, in: path, required: true, schema: {type: string, pattern: '^[A-Z]{3}$'}}
    get:
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer, minimum: 5}}
        - {name: day, in: query, required: true, schema: {type: string, format: date}}
        - {name: sort, in: query, required: true, schema: {type: string, enum: [asc, desc]}}
        - {name: size, in: query, schema: {type: integer, default: 20}}
        - {name: tags, in: query, required: true, explode: false, schema: {type: array, items: {type: string, example: red}}}
        - {name: X-Trace, in: header, required: true, schema: {type: string, example: abc}}
        - {name: session, in: cookie, required: true, schema: {type: string}}
        - {name: verbose, in: query, schema: {type: boolean}}
      responses:
        '200': {description: ok}
    post:
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name, id]
              properties:
                id: {type: integer, readOnly: true}
                name: {type: string, minLength: 10}
      responses:
        '201': {description: created}
`,
    );
    document = await loadOpenApiDocument(file);
  });
  afterAll(() => workspace.remove());

  test('required ones are generated from the schema; optional ones only with default, example or enum', () => {
    const request = buildRequest('http://h', document.data, operation(document, 'GET /items/{code}/{id}'));
    expect(request.url).toBe('http://h/items/AAA/5?day=2024-01-01&sort=asc&size=20&tags=red');
    expect(request.headers).toEqual({ 'x-trace': 'abc', cookie: 'session=konform' });
  });

  test('a required JSON body is built from its schema without readOnly properties', () => {
    const request = buildRequest('http://h', document.data, operation(document, 'POST /items/{code}/{id}'));
    expect(request.headers?.['content-type']).toBe('application/json');
    expect(JSON.parse(String(request.body))).toEqual({ name: 'konformxxx' });
  });
});

test('Swagger 2.0 collectionFormat and x-example', async () => {
  const workspace = await scratch();
  try {
    const file = await workspace.write(
      'formats.yaml',
      `swagger: '2.0'
info: {title: formats, version: '1'}
paths:
  /search/{ids}:
    get:
      parameters:
        - {name: ids, in: path, required: true, type: array, items: {type: integer}, x-example: [1, 2]}
        - {name: csv, in: query, required: true, type: array, items: {type: string}, default: [a, b]}
        - {name: ssv, in: query, required: true, type: array, collectionFormat: ssv, items: {type: string}, default: [a, b]}
        - {name: pipes, in: query, required: true, type: array, collectionFormat: pipes, items: {type: string}, default: [a, b]}
        - {name: multi, in: query, required: true, type: array, collectionFormat: multi, items: {type: string}, default: [a, b]}
      responses:
        '200': {description: ok}
`,
    );
    const document = await loadOpenApiDocument(file);
    const request = buildRequest('http://h', document.data, operation(document, 'GET /search/{ids}'));
    expect(request.url).toBe('http://h/search/1,2?csv=a,b&ssv=a%20b&pipes=a|b&multi=a&multi=b');
  } finally {
    await workspace.remove();
  }
});
