/**
 * oparl-1.1 against a hostile OParl-shaped server (fixtures/oparl/hostile-server.ts): the run
 * completes within its budgets, and what the crawl could not reach — an endless list, a chain
 * deeper than the budget, a 1 GB object, an answer that never comes — is untested or cantTell,
 * never passed, while what it did see broken fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileCrawlServer, type HostileCrawlServer } from '../../fixtures/oparl/hostile-server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

let server: HostileCrawlServer;
let report: Report;

beforeAll(async () => {
  server = await startHostileCrawlServer();
  report = await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0, timeoutMs: 2000 } });
});
afterAll(() => server.close());

const outcomeOf = (id: string) => report.results.find((result) => result.id === id)?.outcome;

describe('oparl-1.1 against a hostile server', () => {
  it('completes, not conformant', () => {
    expect(report.complete).toBe(true);
    expect(report.verdict).toBe('notConformant');
  });

  it('leaves what a budget cut off untested: the endless list, the chain deeper than the budget', () => {
    expect(outcomeOf('list-pages/Organization')).toBe('untested');
    expect(outcomeOf('object-schema/Meeting')).toBe('untested');
    const cut = report.results.filter((result) => result.outcome === 'untested').flatMap((result) => result.findings.filter((finding) => finding.code === 'crawl-cut-off'));
    expect(cut.flatMap((finding) => finding.params?.budgets as string[])).toEqual(expect.arrayContaining(['maxDepth', 'maxPagesPerList']));
  });

  it('cannot tell what lies behind the 1 GB object and the answers that never came', () => {
    expect(outcomeOf('links-resolve/Paper')).toBe('cantTell');
    expect(outcomeOf('object-schema/Paper')).toBe('cantTell');
    expect(outcomeOf('cors/server')).toBe('cantTell');
  });

  it('fails what it saw: a 500, HTML instead of JSON, references to objects of the wrong type', () => {
    expect(outcomeOf('links-resolve/Membership')).toBe('failed');
    expect(outcomeOf('json-response/server')).toBe('failed');
    expect(outcomeOf('references/Meeting')).toBe('failed');
  });
});
