import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HttpResponse } from '../../src/http/types.js';
import { loadOpenApiDocument, type OpenApiDocument } from '../../src/openapi/document.js';
import { parseJson } from '../../src/openapi/json-syntax.js';
import { checkBody } from '../../src/openapi/response-body.js';
import type { ResponseCheck } from '../../src/openapi/response-check.js';
import { checkContentType as checkContentTypeOf } from '../../src/openapi/response-content-type.js';
import { checkRequiredHeaders } from '../../src/openapi/response-headers.js';
import { checkStatusDocumented, documentedResponse } from '../../src/openapi/response-status.js';
import type { Operation, ResponseSpec } from '../../src/openapi/types.js';
import { scratch, spec } from './support.js';

function response(status: number, headers: Record<string, string | string[]>, body = ''): HttpResponse {
  return { status, headers, body: Buffer.from(body), url: 'http://h/x', exchangeId: 'e7', durationMs: 1 };
}

function jsonResponse(status: number, value: unknown, contentType = 'application/json'): HttpResponse {
  return response(status, { 'content-type': contentType }, JSON.stringify(value));
}

function findingsOf(check: ResponseCheck) {
  if (!check.applicable) throw new Error(`not applicable: ${check.reason}`);
  return check.findings;
}

let workspace: Awaited<ReturnType<typeof scratch>>;
let document: OpenApiDocument;
let things: Operation;
beforeAll(async () => {
  workspace = await scratch();
  document = await loadOpenApiDocument(
    await workspace.write(
      'responses.yaml',
      `openapi: 3.0.3
info: {title: responses, version: '1'}
paths:
  /things:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-Rate-Limit: {required: true, schema: {type: integer, minimum: 0}}
            X-Ids: {required: true, schema: {type: array, items: {type: integer}}}
            X-Optional: {schema: {type: integer}}
            Content-Type: {required: true, schema: {type: string}}
          content:
            application/json; charset=utf-8:
              schema: {type: object, required: [id], properties: {id: {type: integer}}}
            application/*:
              schema: {type: object}
            text/plain: {}
            image/png: {schema: {type: string, format: binary}}
        4XX:
          description: client error
          content:
            application/problem+json:
              schema: {type: object, required: [title], properties: {title: {type: string}, status: {type: integer}}}
        '404': {description: not found}
        default:
          description: other
          content:
            '*/*': {schema: {type: object}}
`,
    ),
  );
  things = document.operations[0] as Operation;
});
afterAll(() => workspace.remove());

const documented = (status: number) => documentedResponse(things, status) as ResponseSpec;

describe('status', () => {
  test('exact code, then range, then default', () => {
    expect(documented(200).status).toBe('200');
    expect(documented(404).status).toBe('404');
    expect(documented(409).status).toBe('4XX');
    expect(documented(302).status).toBe('default');
  });

  test('an undocumented status is a finding with operation, pointer and exchange', async () => {
    const travel = await loadOpenApiDocument(spec('travelwarning-api/openapi.yaml'));
    const operation = travel.operations[0] as Operation;
    expect(checkStatusDocumented(operation, response(200, {}))).toEqual([]);
    const [finding] = checkStatusDocumented(operation, response(418, {}));
    expect(finding).toMatchObject({
      code: 'status-undocumented',
      params: { status: 418, documented: ['200'] },
      location: { operation: 'getTravelwarning', specPointer: '/paths/~1travelwarning/get/responses' },
      exchange: 'e7',
    });
  });
});

describe('content type', () => {
  const checkContentType = (operation: Operation, answer: HttpResponse, documented: ResponseSpec) =>
    checkContentTypeOf(operation, answer, documented, answer.body.length > 0);

  test('documented types, ranges and parameters match; case does not matter', () => {
    for (const contentType of ['application/json; charset=UTF-8', 'Application/XML', 'text/plain']) {
      expect(findingsOf(checkContentType(things, response(200, { 'content-type': contentType }, 'x'), documented(200)))).toEqual([]);
    }
  });

  test('a type outside what is documented fails, so does content without Content-Type', () => {
    const [wrong] = findingsOf(checkContentType(things, response(200, { 'content-type': 'text/html' }, '<p>'), documented(200)));
    expect(wrong).toMatchObject({ code: 'content-type-undocumented', location: { specPointer: '/paths/~1things/get/responses/200' } });
    const [missing] = findingsOf(checkContentType(things, response(200, {}, '{}'), documented(200)));
    expect(missing?.code).toBe('content-type-missing');
    const [invalid] = findingsOf(checkContentType(things, response(200, { 'content-type': 'json' }, '{}'), documented(200)));
    expect(invalid?.code).toBe('content-type-invalid');
  });

  test('+json is a type of its own: application/problem+json is not application/json', () => {
    const problem = response(409, { 'content-type': 'application/problem+json' }, '{}');
    expect(findingsOf(checkContentType(things, problem, documented(409)))).toEqual([]);
    const plain = response(409, { 'content-type': 'application/json' }, '{}');
    expect(findingsOf(checkContentType(things, plain, documented(409)))[0]?.code).toBe('content-type-undocumented');
  });

  test('no content documented: none sent is inapplicable, content sent fails', () => {
    expect(checkContentType(things, response(404, {}), documented(404)).applicable).toBe(false);
    const sent = response(404, { 'content-type': 'application/json' }, '{}');
    expect(findingsOf(checkContentType(things, sent, documented(404)))[0]?.code).toBe('content-undocumented');
  });
});

describe('body', () => {
  test('the most specific media type selects the schema', () => {
    expect(findingsOf(checkBody(document, things, jsonResponse(200, { id: 1 }, 'application/json; charset=utf-8'), documented(200)))).toEqual([]);
    // application/json without the charset parameter falls to the application/* range: any object.
    expect(findingsOf(checkBody(document, things, jsonResponse(200, { name: 'x' }), documented(200)))).toEqual([]);
  });

  test('schema errors name the schema pointer, the body pointer and the exchange', () => {
    const [finding] = findingsOf(checkBody(document, things, jsonResponse(200, { id: 'one' }, 'application/json;charset=utf-8'), documented(200)));
    expect(finding).toMatchObject({
      code: 'body-schema-mismatch',
      location: {
        operation: 'GET /things',
        specPointer: '/paths/~1things/get/responses/200/content/application~1json; charset=utf-8/schema',
        bodyPointer: '/id',
      },
      exchange: 'e7',
    });
  });

  test('a +json type is validated as JSON', () => {
    const [finding] = findingsOf(checkBody(document, things, jsonResponse(409, { title: 5 }, 'application/problem+json'), documented(409)));
    expect(finding?.location?.bodyPointer).toBe('/title');
  });

  test('invalid JSON is a finding with the position of the error', () => {
    const broken = response(500, { 'content-type': 'application/json' }, '{\n  "id": 1,\n  "name": }');
    const [finding] = findingsOf(checkBody(document, things, broken, documented(500)));
    expect(finding).toMatchObject({ code: 'body-not-json', params: { line: 3, column: 11 } });
    const latin1 = response(500, { 'content-type': 'application/json' });
    const bytes = Object.assign(latin1, { body: Buffer.from([0x22, 0xe4, 0x22]) });
    expect(findingsOf(checkBody(document, things, bytes, documented(500)))[0]?.code).toBe('body-not-utf8');
  });

  test('nothing to validate: no schema, binary or text media types, HEAD', () => {
    expect(checkBody(document, things, response(200, { 'content-type': 'text/plain' }, 'hi'), documented(200)).applicable).toBe(false);
    expect(checkBody(document, things, response(200, { 'content-type': 'image/png' }, 'png'), documented(200)).applicable).toBe(false);
    expect(checkBody(document, things, response(200, { 'content-type': 'text/html' }, '<p>'), documented(200)).applicable).toBe(false);
    expect(checkBody(document, { ...things, method: 'HEAD' }, jsonResponse(200, {}), documented(200)).applicable).toBe(false);
  });

  test('every schema error is a finding; only the bound for memory cuts them, and says so', () => {
    const many = jsonResponse(409, { title: 1, status: 'x', detail: 2 }, 'application/problem+json');
    const all = findingsOf(checkBody(document, things, many, documented(409)));
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all.map((finding) => finding.code))).toEqual(new Set(['body-schema-mismatch']));
    const bounded = findingsOf(checkBody(document, things, many, documented(409), 1));
    expect(bounded.map((finding) => finding.code)).toEqual(['body-schema-mismatch', 'findings-over-limit']);
    expect(bounded[1]).toMatchObject({ undecided: true, params: { seen: all.length, kept: 1 } });
  });

  test('a real pegel-online station validates; a wrong-typed one does not', async () => {
    const pegel = await loadOpenApiDocument(spec('pegel-online-api/openapi.yaml'));
    const operation = pegel.operations.find((candidate) => candidate.key === 'getStationsById') as Operation;
    const station = { uuid: '47174d8f-1b8e-4599-8a59-b580dd55bc87', km: 9.56, water: { shortname: 'ALLER' } };
    const ok = checkBody(pegel, operation, jsonResponse(200, station), documentedResponse(operation, 200) as ResponseSpec);
    expect(findingsOf(ok)).toEqual([]);
    const bad = checkBody(pegel, operation, jsonResponse(200, { ...station, km: '9,56' }), documentedResponse(operation, 200) as ResponseSpec);
    expect(findingsOf(bad)[0]?.location).toMatchObject({
      specPointer: '/paths/~1stations~1{station}.json/get/responses/200/content/application~1json/schema',
      bodyPointer: '/km',
    });
  });
});

describe('required headers', () => {
  const headers = { 'content-type': 'application/json', 'x-rate-limit': '10', 'x-ids': '1, 2' };

  test('present and valid passes; Content-Type in headers is ignored; optional ones are not required', () => {
    expect(findingsOf(checkRequiredHeaders(document, things, response(200, headers), documented(200)))).toEqual([]);
  });

  test('missing and invalid headers are findings', () => {
    const findings = findingsOf(checkRequiredHeaders(document, things, response(200, { 'x-rate-limit': '-1' }), documented(200)));
    expect(findings.map((finding) => [finding.code, finding.params?.header])).toEqual([
      ['header-invalid', 'X-Rate-Limit'],
      ['header-missing', 'X-Ids'],
    ]);
    const notNumbers = findingsOf(checkRequiredHeaders(document, things, response(200, { ...headers, 'x-ids': '1, two' }), documented(200)));
    expect(notNumbers[0]).toMatchObject({ code: 'header-invalid', location: { specPointer: '/paths/~1things/get/responses/200/headers/X-Ids/schema' } });
  });

  test('no required header documented is inapplicable', () => {
    expect(checkRequiredHeaders(document, things, response(409, {}), documented(409)).applicable).toBe(false);
  });
});

describe('JSON syntax errors', () => {
  test.each([
    ['{"a":}', 1, 6],
    ['[1, 2', 1, 6],
    ['{"a": 1} x', 1, 10],
    ['{"a": tru}', 1, 7],
    ['{\n  "a": 01\n}', 2, 9],
    ['{"a" 1}', 1, 6],
    ['', 1, 1],
  ])('%j fails at line %i, column %i', (text, line, column) => {
    expect(parseJson(text)).toMatchObject({ ok: false, line, column });
  });

  test('valid JSON parses, a byte order mark is ignored, deep nesting does not overflow', () => {
    expect(parseJson('\uFEFF{"a": [1, {"b": null}]}')).toEqual({ ok: true, value: { a: [1, { b: null }] } });
    const deep = '['.repeat(100_000) + ']'.repeat(99_999);
    expect(parseJson(deep)).toMatchObject({ ok: false, line: 1, column: 200_000 });
  });
});
