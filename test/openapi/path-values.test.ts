/**
 * Values of path parameters: a 404 to a request whose path carries a value konform made up
 * (the document gives none) says nothing of the operation, so the checks of that answer are
 * cantTell with a hint; a value the user gives (target.parameters) is sent instead, after a
 * check against the parameter's schema. A target URL without the base path of the document's
 * servers (every operation answers 404) is named once on each affected check, never passed.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { ITEM_DOCUMENT, itemServer, KNOWN_ITEM } from './item-api.js';
import { outcomesOf, scratchDocument } from './support.js';

const document = scratchDocument('items.yaml', ITEM_DOCUMENT);

async function runItems(parameters?: Record<string, string>) {
  const server = await itemServer();
  try {
    return await run({ suite: 'openapi-contract', target: { url: server.url, spec: document.path(), ...(parameters ? { parameters } : {}) } });
  } finally {
    await server.close();
  }
}

describe('a path parameter without a documented value', () => {
  it('answered 404 to the made-up value: cantTell with a hint, not failed', async () => {
    const report = await runItems();
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

describe('a target URL without the base path of the document servers', () => {
  it('is named on the affected checks, and invalid-parameter and undocumented-path are not passed', async () => {
    const pegel = await startPegelServer();
    const root = new URL('/', pegel.url).href;
    try {
      const report = await run({ suite: 'openapi-contract', target: { url: root, spec: 'fixtures/pegel-online/openapi.yaml' } });
      const byKind = (kind: string) => report.results.filter((result) => result.kind === kind);
      for (const kind of ['openapi.invalid-parameter', 'openapi.undocumented-path', 'openapi.status-documented']) {
        // An operation without a parameter a value could violate stays inapplicable.
        const results = byKind(kind).filter((result) => result.outcome !== 'inapplicable');
        expect(results.length, kind).toBeGreaterThan(0);
        for (const result of results) {
          expect(result.outcome, result.id).toBe('cantTell');
          expect(result.findings.map((finding) => finding.code), result.id).toEqual(['base-path-missing']);
          expect(result.findings[0]?.message).toContain('the target URL may lack the base path /webservices/rest-api/v2 of the document\'s servers');
        }
      }
      const passed = report.results.filter((result) => result.outcome === 'passed').map((result) => result.kind);
      expect(passed, 'only the document itself is judged').toEqual(['openapi.document']);
    } finally {
      await pegel.close();
    }
  });
});
