/**
 * An answer whose status and headers arrived but whose body broke off (over the size limit,
 * or stalled past the deadline) is judged by every check that needs only its status or
 * headers; the body schema stays cantTell with the reason the body did not arrive, and so does
 * the Content-Type where no byte of the body came (whether there is content is not known).
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/report.js';
import { run } from '../../../src/run/run.js';
import { outcomesOf, scratchDocument, startServer } from '../../openapi/support.js';

const LIMIT = 1024;

const JSON_OK = `{description: ok, headers: {X-Trace: {required: true, schema: {type: string}}}, content: {application/json: {schema: {type: object, required: [id]}}}}`;

const DOCUMENT = `openapi: 3.0.3
info: {title: Broken off, version: '1'}
components:
  securitySchemes:
    apiKey: {type: apiKey, in: header, name: X-Api-Key}
paths:
  /big:
    get:
      operationId: big
      responses: {'200': ${JSON_OK}}
  /stalled:
    get:
      operationId: stalled
      responses: {'200': ${JSON_OK}}
  /headers-only:
    get:
      operationId: headersOnly
      responses: {'200': ${JSON_OK}}
  /odd:
    get:
      operationId: odd
      responses: {'200': ${JSON_OK}}
  /secret:
    get:
      operationId: secret
      security: [{apiKey: []}]
      responses: {'200': ${JSON_OK}}
  /items:
    get:
      operationId: items
      parameters:
        - {name: limit, in: query, required: true, schema: {type: integer}, example: 5}
      responses: {'200': ${JSON_OK}}
`;

/** Status and headers, then a body four times the limit. */
function oversize(response: ServerResponse, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-trace': 't1' }).end(Buffer.alloc(LIMIT * 4, ' '));
}

/**
 * Every answer breaks off but the valid request for /items: the oversize ones as well as
 * the refusals konform expects (an undocumented path, method or parameter value, a request
 * without credentials) are accepted with 200, or /odd's undocumented 418.
 */
async function server() {
  return startServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (request.method === 'GET' && url.pathname === '/stalled') {
      response.writeHead(200, { 'content-type': 'application/json', 'x-trace': 't1' });
      return void response.write('{"id":');
    }
    if (request.method === 'GET' && url.pathname === '/headers-only') {
      return void response.writeHead(200, { 'content-type': 'application/json', 'x-trace': 't1' }).flushHeaders();
    }
    if (request.method === 'GET' && url.pathname === '/items' && url.searchParams.get('limit') === '5') {
      return void response.writeHead(200, { 'content-type': 'application/json', 'x-trace': 't1' }).end('{"id":1}');
    }
    oversize(response, url.pathname === '/odd' ? 418 : 200);
  });
}

const document = scratchDocument('broken-off.yaml', DOCUMENT);
let report: Report;
beforeAll(async () => {
  const target = await server();
  try {
    report = await run({
      suite: 'openapi-contract',
      target: { url: target.url, spec: document.path() },
      limits: { maxResponseBytes: LIMIT, timeoutMs: 500 },
    });
  } finally {
    target.server.closeAllConnections();
    await target.close();
  }
});

const result = (id: string) => report.results.find((candidate) => candidate.id === id);

describe('answers whose body broke off', () => {
  it.each([
    ['big', 'tooLarge'],
    ['stalled', 'timeout'],
  ])('%s: status, Content-Type, headers and no server error are judged; the body schema is cantTell (%s)', (operation, reason) => {
    expect(outcomesOf(report, operation)).toMatchObject({
      'status-documented': 'passed',
      'content-type-documented': 'passed',
      'required-headers': 'passed',
      'no-server-error': 'passed',
      'body-schema': 'cantTell',
    });
    const body = result(`body-schema/${operation}`);
    expect(body?.findings).toEqual([expect.objectContaining({ code: 'transport-failure', params: expect.objectContaining({ reason }) })]);
    expect(body?.evidence).toEqual([result(`status-documented/${operation}`)?.evidence[0]]);
  });

  it('leaves the Content-Type cantTell where no byte of the body came: whether the answer has content is not known', () => {
    expect(outcomesOf(report, 'headersOnly')).toMatchObject({
      'status-documented': 'passed',
      'content-type-documented': 'cantTell',
      'required-headers': 'passed',
      'body-schema': 'cantTell',
    });
    expect(result('content-type-documented/headersOnly')?.findings[0]?.message).toContain('whether the answer has content is not known');
  });

  it('fails an undocumented status whose body was too large', () => {
    expect(result('status-documented/odd')).toMatchObject({ outcome: 'failed', findings: [expect.objectContaining({ code: 'status-undocumented', params: expect.objectContaining({ status: 418 }) })] });
  });

  it('fails the refusals answered with success, however large the body', () => {
    expect(result('undocumented-path')?.findings).toEqual([expect.objectContaining({ code: 'request-accepted', params: expect.objectContaining({ status: 200 }) })]);
    expect(result('undocumented-path')?.outcome).toBe('failed');
    expect(result('undocumented-method//big')?.outcome).toBe('failed');
    expect(result('invalid-parameter/items')?.outcome).toBe('failed');
    expect(result('security-enforced/secret')).toMatchObject({ outcome: 'failed', findings: [expect.objectContaining({ code: 'security-not-enforced' })] });
  });
});
