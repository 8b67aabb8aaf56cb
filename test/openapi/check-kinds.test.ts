import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { OPENAPI_KINDS } from '../../src/checks/openapi/index.js';
import type { CheckContext, CheckKind, Subject } from '../../src/checks/types.js';
import type { CheckOutput, CheckSpec } from '../../src/model/types.js';
import { createTestHttpClient } from '../helpers/undici-http-client.js';
import { BASE_PATH, KINDS_DOCUMENT, kindsApi, type KindsApi } from './kinds-api.js';
import { checkContext, scratch, startServer } from './support.js';

const kind = (name: string) => OPENAPI_KINDS.find((candidate) => candidate.name === name) as CheckKind<Record<string, unknown>>;

const CHECK: CheckSpec = { id: 'c', title: 'c', kind: 'k', class: 'x', verifies: [], severity: 'error', options: {} };

let workspace: Awaited<ReturnType<typeof scratch>>;
let specFile: string;
let api: KindsApi;
let server: Awaited<ReturnType<typeof startServer>>;
let context: CheckContext;

beforeAll(async () => {
  workspace = await scratch();
  specFile = await workspace.write('kinds.yaml', KINDS_DOCUMENT);
  api = kindsApi();
  server = await startServer((request, response) => api.handler(request, response));
});
afterAll(async () => {
  await server.close();
  await workspace.remove();
});
beforeEach(() => {
  api.hits.length = 0;
  context = checkContext(createTestHttpClient(), { url: server.url + BASE_PATH, spec: specFile });
});

async function runOn(name: string, subjectId: string | undefined, options: Record<string, unknown> = {}, on = context): Promise<CheckOutput> {
  const subject: Subject | undefined = subjectId === undefined ? undefined : { id: subjectId, title: subjectId };
  return kind(name).run(on, options, subject, CHECK);
}

const codes = (output: CheckOutput) => output.findings.map((finding) => finding.code);

test('every kind is registered once, with the names the suite uses', () => {
  expect(OPENAPI_KINDS.map((k) => k.name)).toEqual([
    'openapi.document',
    'openapi.status-documented',
    'openapi.content-type-documented',
    'openapi.body-schema',
    'openapi.required-headers',
    'openapi.no-server-error',
    'openapi.undocumented-path',
    'openapi.invalid-parameter',
    'openapi.undocumented-method',
    'openapi.security-enforced',
  ]);
});

describe('openapi.document', () => {
  test('passes for a valid document, noting what compiled with a warning', async () => {
    const subjects = await kind('openapi.document').subjects?.(context, {}, CHECK);
    expect(subjects).toEqual([{ id: 'document', title: 'Kinds test API' }]);
    const output = await runOn('openapi.document', 'document');
    expect(output.outcome).toBe('passed');
    expect(output.findings).toEqual([expect.objectContaining({ code: 'schema-warning', severity: 'warning' })]);
    expect(output.findings[0]?.message).toBe(
      'unknown format "decimal" ignored in schema at path "#/components/schemas/Thing/properties/size"',
    );
  });

  test('a broken document fails with the pointer of the problem; the checks that need it are cantTell', async () => {
    const broken = await workspace.write('broken.yaml', KINDS_DOCUMENT.replace('type: integer, default: 10', 'type: integer, default: 10, pattern: "("'));
    const brokenContext = checkContext(createTestHttpClient(), { url: server.url, spec: broken });
    expect(await kind('openapi.document').subjects?.(brokenContext, {}, CHECK)).toEqual([{ id: 'document', title: broken }]);
    const output = await runOn('openapi.document', 'document', {}, brokenContext);
    expect(output.outcome).toBe('failed');
    expect(output.findings).toEqual([
      expect.objectContaining({
        code: 'schema-invalid',
        rule: 'OAS-SCHEMA-VALID',
        location: expect.objectContaining({ specPointer: '/paths/~1good/get/parameters/0/schema/pattern' }),
      }),
    ]);
    const subjects = await kind('openapi.status-documented').subjects?.(brokenContext, {}, CHECK);
    expect(subjects).toEqual([{ id: 'invalid-document', title: 'the declared document (invalid)' }]);
    const dependent = await runOn('openapi.status-documented', 'invalid-document', {}, brokenContext);
    expect(dependent).toMatchObject({ outcome: 'cantTell', findings: [{ code: 'document-invalid' }] });
    expect(api.hits).toEqual([]);
  });
});

describe('checks of the answer to a valid request', () => {
  const ANSWER_KINDS = [
    'openapi.status-documented',
    'openapi.content-type-documented',
    'openapi.body-schema',
    'openapi.required-headers',
    'openapi.no-server-error',
  ];
  const outcomes = async (operation: string) =>
    Object.fromEntries(await Promise.all(ANSWER_KINDS.map(async (name) => [name.slice(8), (await runOn(name, operation)).outcome])));

  test('subjects are the safe operations; with allowUnsafe the others too', async () => {
    const safe = await kind('openapi.body-schema').subjects?.(context, {}, CHECK);
    expect(safe?.map((s) => s.id)).not.toContain('deleteItem');
    expect(safe?.find((s) => s.id === 'item')).toEqual({ id: 'item', title: 'GET /items/{id}' });
    const unsafe = checkContext(createTestHttpClient(), { url: server.url, spec: specFile, allowUnsafe: true });
    expect((await kind('openapi.body-schema').subjects?.(unsafe, {}, CHECK))?.map((s) => s.id)).toContain('deleteItem');
  });

  test('a conforming answer passes every check, and the operation is called once', async () => {
    expect(await outcomes('good')).toEqual({
      'status-documented': 'passed',
      'content-type-documented': 'passed',
      'body-schema': 'passed',
      'required-headers': 'passed',
      'no-server-error': 'passed',
    });
    expect(api.hits).toEqual(['GET /good?limit=10']);
  });

  test('the target URL keeps its base path and the example fills the path', async () => {
    expect((await runOn('openapi.body-schema', 'item')).outcome).toBe('passed');
    expect(api.hits).toEqual(['GET /items/1']);
  });

  test('a body that does not match its schema fails body-schema only', async () => {
    expect(await outcomes('badBody')).toMatchObject({ 'status-documented': 'passed', 'body-schema': 'failed', 'required-headers': 'inapplicable' });
    const output = await runOn('openapi.body-schema', 'badBody');
    expect(output.findings[0]).toMatchObject({
      code: 'body-schema-mismatch',
      location: { operation: 'badBody', bodyPointer: '/id', specPointer: '/paths/~1bad-body/get/responses/200/content/application~1json/schema' },
      exchange: 'e1',
    });
    expect(output.evidence).toEqual(['e1']);
  });

  test('an undocumented status fails status-documented; the others have nothing to go by', async () => {
    expect(await outcomes('wrongStatus')).toEqual({
      'status-documented': 'failed',
      'content-type-documented': 'inapplicable',
      'body-schema': 'inapplicable',
      'required-headers': 'inapplicable',
      'no-server-error': 'passed',
    });
  });

  test('an undocumented Content-Type fails content-type-documented; the body is not validated', async () => {
    expect(await outcomes('wrongType')).toMatchObject({ 'content-type-documented': 'failed', 'body-schema': 'inapplicable' });
  });

  test('a missing required header fails required-headers', async () => {
    const output = await runOn('openapi.required-headers', 'missingHeader');
    expect(output.outcome).toBe('failed');
    expect(codes(output)).toEqual(['header-missing']);
  });

  test('a 5xx answer fails no-server-error and is never passed by the others', async () => {
    expect(await outcomes('crash')).toEqual({
      'status-documented': 'cantTell',
      'content-type-documented': 'cantTell',
      'body-schema': 'cantTell',
      'required-headers': 'cantTell',
      'no-server-error': 'failed',
    });
    expect(codes(await runOn('openapi.no-server-error', 'crash'))).toEqual(['server-error']);
    expect(api.hits).toEqual(['GET /crash?page=1']);
  });

  test('a transport failure is cantTell for every check, naming reason and exchange', async () => {
    const result = await outcomes('hangup');
    expect(new Set(Object.values(result))).toEqual(new Set(['cantTell']));
    const output = await runOn('openapi.status-documented', 'hangup');
    expect(output.findings[0]).toMatchObject({ code: 'transport-failure', params: { reason: 'unreachable' }, exchange: 'e1' });
  });
});

describe('openapi.undocumented-path', () => {
  test('404 passes where the documented operations are found (so the base path is right)', async () => {
    const output = await runOn('openapi.undocumented-path', undefined);
    expect(output.outcome).toBe('passed');
    expect(api.hits[0]).toBe('GET /konform-undocumented');
    expect(api.hits).toContain('GET /good?limit=10');
  });

  test('success fails; another 4xx fails unless accepted by the options', async () => {
    const lenient = await startServer((_request, response) => response.writeHead(200).end('{}'));
    const picky = await startServer((_request, response) => response.writeHead(400).end());
    try {
      const on = (url: string) => checkContext(createTestHttpClient(), { url, spec: specFile });
      expect(codes(await runOn('openapi.undocumented-path', undefined, {}, on(lenient.url)))).toEqual(['request-accepted']);
      const refused = await runOn('openapi.undocumented-path', undefined, {}, on(picky.url));
      expect(refused.outcome).toBe('failed');
      expect(refused.findings[0]?.message).toContain('expected 404 or 410');
      expect((await runOn('openapi.undocumented-path', undefined, { accept: [400, 404] }, on(picky.url))).outcome).toBe('passed');
    } finally {
      await lenient.close();
      await picky.close();
    }
  });
});

describe('openapi.invalid-parameter', () => {
  test('a 4xx refusal passes, after the valid request succeeded', async () => {
    expect((await runOn('openapi.invalid-parameter', 'good')).outcome).toBe('passed');
    expect(api.hits).toEqual(['GET /good?limit=10', 'GET /good?limit=not-a-number']);
    expect((await runOn('openapi.invalid-parameter', 'item')).outcome).toBe('passed');
  });

  test('accepting the invalid value fails, naming the parameter and why', async () => {
    const output = await runOn('openapi.invalid-parameter', 'tolerant');
    expect(output.outcome).toBe('failed');
    expect(output.findings[0]).toMatchObject({
      code: 'request-accepted',
      params: { parameter: 'flag', in: 'query', value: 'not-a-boolean', reason: 'wrongType' },
      location: { operation: 'tolerant', specPointer: '/paths/~1tolerant/get/parameters/0' },
    });
  });

  test('where the valid request did not succeed (401, 500), a refusal proves nothing: cantTell, the invalid value not sent', async () => {
    for (const operation of ['guarded', 'crash']) {
      const output = await runOn('openapi.invalid-parameter', operation);
      expect(output.outcome).toBe('cantTell');
      expect(codes(output)).toEqual(['no-success']);
    }
    expect(api.hits).toEqual(['GET /guarded?flag=true', 'GET /crash?page=1']);
  });

  test('no parameter to invalidate is inapplicable', async () => {
    expect((await runOn('openapi.invalid-parameter', 'badBody')).outcome).toBe('inapplicable');
  });
});

describe('openapi.undocumented-method', () => {
  test('subjects are the documented paths', async () => {
    const subjects = await kind('openapi.undocumented-method').subjects?.(context, {}, CHECK);
    expect(subjects?.map((s) => s.id)).toContain('/items/{id}');
  });

  test('405 with Allow passes; TRACE is sent without content', async () => {
    expect((await runOn('openapi.undocumented-method', '/good')).outcome).toBe('passed');
    expect(api.hits).toEqual(['TRACE /good?limit=10']);
  });

  test('405 without Allow fails; so does success', async () => {
    expect(codes(await runOn('openapi.undocumented-method', '/no-allow'))).toEqual(['allow-header-missing']);
    expect(codes(await runOn('openapi.undocumented-method', '/items/{id}'))).toEqual(['request-accepted']);
  });

  test('a documented TRACE leaves nothing to send; allowUnsafe adds DELETE', async () => {
    expect((await runOn('openapi.undocumented-method', '/traced')).outcome).toBe('inapplicable');
    const unsafe = checkContext(createTestHttpClient(), { url: server.url + BASE_PATH, spec: specFile, allowUnsafe: true });
    const output = await runOn('openapi.undocumented-method', '/good', {}, unsafe);
    expect(output.outcome).toBe('passed');
    expect(api.hits).toEqual(['TRACE /good?limit=10', 'DELETE /good?limit=10']);
    expect(output.evidence).toEqual(['e1', 'e2']);
  });
});
