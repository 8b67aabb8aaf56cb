/**
 * Values of path parameters: a 404 to a request whose path carries a value konform made up
 * (the document gives none) says nothing of the operation, so the checks of that answer are
 * cantTell with a hint; a value the user gives (target.parameters) is sent instead, after a
 * check against the parameter's schema. A target URL that may lack the API's base path (every
 * operation answers 404, and the target lacks the path of the document's servers, or they name
 * none and every request carried a made-up value) is named once on each affected check, never
 * passed.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { ITEM_DOCUMENT, ITEM_LIST_DOCUMENT, itemServer, KNOWN_ITEM } from './item-api.js';
import { outcomesOf, scratchDocument, startServer } from './support.js';
import type { Report } from '../../src/model/report.js';

const document = scratchDocument('items.yaml', ITEM_DOCUMENT);
const listDocument = scratchDocument('item-list.yaml', ITEM_LIST_DOCUMENT);

async function runItems(parameters?: Record<string, string>, spec = document.path()) {
  const server = await itemServer();
  try {
    return await run({ suite: 'openapi-contract', target: { url: server.url, spec, ...(parameters ? { parameters } : {}) } });
  } finally {
    await server.close();
  }
}

/** Each result of the kinds that is not inapplicable is cantTell with the one finding base-path-missing, whose message has `cause`. */
function expectBasePathNamed(report: Report, kinds: string[], cause: string): void {
  for (const kind of kinds) {
    // An operation without a parameter a value could violate stays inapplicable.
    const results = report.results.filter((result) => result.kind === kind && result.outcome !== 'inapplicable');
    expect(results.length, kind).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.outcome, result.id).toBe('cantTell');
      expect(result.findings.map((finding) => finding.code), result.id).toEqual(['base-path-missing']);
      expect(result.findings[0]?.message).toContain(cause);
    }
  }
}

const passedKinds = (report: Report) => report.results.filter((result) => result.outcome === 'passed').map((result) => result.kind);

describe('a path parameter without a documented value', () => {
  it('answered 404 to the made-up value: cantTell with a hint, not failed', async () => {
    const report = await runItems(undefined, listDocument.path());
    expect(outcomesOf(report, 'items')['status-documented']).toBe('passed');
    const outcomes = outcomesOf(report, 'item');
    expect(outcomes['status-documented']).toBe('cantTell');
    expect(Object.values(outcomes)).not.toContain('failed');
    const status = report.results.find((result) => result.id === 'status-documented/item');
    expect(status?.findings.map((finding) => finding.code)).toEqual(['made-up-path-value']);
    expect(status?.findings[0]?.message).toContain('no value for path parameter item: give one with --param item=');
    expect(report.exitCode).toBe(3);
  });

  it('given a value (target.parameters): the operation is checked and passes', async () => {
    const report = await runItems({ item: KNOWN_ITEM });
    expect(outcomesOf(report, 'item')).toMatchObject({ 'status-documented': 'passed', 'body-schema': 'passed', 'no-server-error': 'passed' });
  });

  it('given a value its schema rules out, or a name no parameter has: a usage error naming it', async () => {
    await expect(runItems({ item: '0' })).rejects.toMatchObject({ code: 'KONFORM_ERR_USAGE', message: expect.stringContaining('item') });
    await expect(runItems({ itme: KNOWN_ITEM })).rejects.toMatchObject({ code: 'KONFORM_ERR_USAGE', message: expect.stringContaining('itme') });
  });
});

describe('a target that answers 404 to every operation', () => {
  it('without the base path of the document servers: named on the affected checks, and invalid-parameter and undocumented-path are not passed', async () => {
    const pegel = await startPegelServer();
    const root = new URL('/', pegel.url).href;
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: root, spec: 'fixtures/pegel-online/openapi.yaml' } });
      expectBasePathNamed(
        report,
        ['openapi.invalid-parameter', 'openapi.undocumented-path', 'openapi.status-documented'],
        "the target URL may lack the base path /webservices/rest-api/v2 of the document's servers",
      );
      expect(passedKinds(report), 'only the document itself is judged').toEqual(['openapi.document']);
    } finally {
      await pegel.close();
    }
  });

  it('whose document names no servers and gives no path value: the same, with the hint for the values', async () => {
    const nothing = await startServer((_request, response) => void response.writeHead(404, { 'content-type': 'application/json' }).end('{}'));
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: nothing.url, spec: document.path() } });
      const kinds = ['openapi.invalid-parameter', 'openapi.undocumented-path', 'openapi.undocumented-method', 'openapi.status-documented'];
      expectBasePathNamed(report, kinds, "the target URL may lack the base path of the API (the document's servers name none)");
      expectBasePathNamed(report, kinds, 'no value for path parameter item: give one with --param item=');
      expect(passedKinds(report), 'only the document itself is judged').toEqual(['openapi.document']);
      expect(report.exitCode).toBe(3);
    } finally {
      await nothing.close();
    }
  });

  it('whose document names no servers, against the right target with a made-up value only: the same, as the two cannot be told apart', async () => {
    const report = await runItems();
    expectBasePathNamed(report, ['openapi.invalid-parameter', 'openapi.undocumented-path', 'openapi.status-documented'], 'give one with --param item=');
    // The 405 (with Allow) to TRACE is no 404: the API's own answer, judged.
    expect(passedKinds(report)).toEqual(['openapi.document', 'openapi.undocumented-method']);
  });
});
