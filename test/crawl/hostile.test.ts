import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_BYTES, startHostileCrawlServer, type HostileCrawlServer } from '../../fixtures/oparl/hostile-server.js';
import { crawl } from '../../src/crawl/crawler.js';
import { oparlLinks } from '../../src/crawl/oparl-links.js';
import type { CrawlBudget, CrawlRecord } from '../../src/crawl/types.js';
import { withinBudget } from '../../src/crawl/untested.js';
import type { Exchange } from '../../src/model/exchange.js';
import { testClient } from '../http/helpers.js';

let server: HostileCrawlServer;
beforeAll(async () => {
  server = await startHostileCrawlServer();
});
afterAll(() => server.close());

async function crawlHostile(budget: Partial<CrawlBudget>, entry = server.url): Promise<{ record: CrawlRecord; exchanges: Exchange[] }> {
  // A short deadline for the answer that never comes; 1 MB at most per body.
  const { client, exchanges } = testClient([server.url], { limits: { timeoutMs: 1_000, maxResponseBytes: 1024 * 1024 } });
  try {
    const record = await crawl({ entry, http: client, extract: oparlLinks, budget });
    return { record, exchanges };
  } finally {
    await client.close();
  }
}

const path = (url: string) => url.slice(server.url.length - 1);

describe('a crawl of the hostile server', () => {
  let record: CrawlRecord;
  let exchanges: Exchange[];
  beforeAll(async () => {
    ({ record, exchanges } = await crawlHostile({ maxDepth: 6, maxPagesPerList: 20, maxRequests: 500 }));
  });

  it('completes within its budgets, asking for no URL twice', () => {
    expect(record.requests).toBeLessThanOrEqual(500);
    expect(record.requests).toBe(exchanges.length);
    // A request whose kept-alive connection the server closed unanswered went once more (exchange.retried).
    const retried = new Set(exchanges.flatMap((exchange) => (exchange.retried ?? []).map(({ url }) => path(url))));
    expect([...server.requests].every(([target, count]) => count === (retried.has(target) ? 2 : 1))).toBe(true);
  });

  it('stops the endless list at maxPagesPerList and ends the looping one at its loop', () => {
    const endless = record.lists.find(({ url }) => path(url) === '/endless');
    expect(endless).toMatchObject({ end: 'cutOff' });
    expect(endless?.pages).toHaveLength(20);
    expect(record.cutOff).toContainEqual(expect.objectContaining({ url: `${server.url}endless?page=21`, budget: 'maxPagesPerList' }));
    // The organizations on the pages fetched were followed.
    expect(record.objects.filter(({ url }) => path(url).startsWith('/organization/'))).toHaveLength(20);
    expect(record.lists.find(({ url }) => path(url) === '/looping')).toMatchObject({ end: 'loop', loopTo: `${server.url}looping` });
  });

  it('fetches each object of a cycle once, and cuts the endless chain at maxDepth', () => {
    expect(record.objects.filter(({ url }) => path(url).startsWith('/cycle/')).map(({ url }) => path(url))).toEqual(['/cycle/a', '/cycle/b']);
    expect(record.repeatedLinks).toBeGreaterThan(0);
    const deep = record.objects.filter(({ url }) => path(url).startsWith('/deep/'));
    expect(deep.map(({ depth }) => depth)).toEqual([3, 4, 5, 6]);
    expect(record.cutOff).toContainEqual(expect.objectContaining({ url: `${server.url}deep/5`, budget: 'maxDepth', depth: 7 }));
  });

  it('has the client refuse links to other hosts, the cloud metadata address among them, unsent', () => {
    const elsewhere = ['http://127.0.0.1:1/file/3', 'http://169.254.169.254/latest/meta-data/', 'https://elsewhere.example/oparl/file/1'];
    expect(record.failures.filter(({ url }) => elsewhere.includes(url)).map(({ url, reason }) => [url, reason])).toEqual(elsewhere.map((url) => [url, 'hostNotAllowed']));
    const offServer = exchanges.filter(({ request }) => !request.url.startsWith(server.url));
    expect(offServer.map(({ request }) => request.url).sort()).toEqual(elsewhere);
    expect(offServer.every((exchange) => exchange.error?.reason === 'hostNotAllowed' && exchange.response === undefined)).toBe(true);
  });

  it('stops reading the 1 GB object at the size limit', () => {
    expect(record.failures.find(({ url }) => path(url) === '/huge')).toMatchObject({ reason: 'tooLarge' });
    expect(server.bytesSent.get('/huge')).toBeLessThan(HUGE_BYTES / 100);
  });

  it('records every broken link with its status or failure and its exchange', () => {
    const onServer = record.failures.filter(({ url }) => url.startsWith(server.url));
    const failures = Object.fromEntries(onServer.map((failure) => [path(failure.url), failure.status ?? failure.reason]));
    expect(failures).toEqual({ '/missing': 404, '/error': 500, '/reset': 'connectionReset', '/hang': 'timeout', '/redirect-away': 'hostNotAllowed', '/huge': 'tooLarge' });
    const ids = new Set(exchanges.map(({ id }) => id));
    expect(record.failures.every(({ exchange }) => ids.has(exchange))).toBe(true);
    expect(record.objects.find(({ url }) => path(url) === '/not-json')).toMatchObject({ contentType: 'text/html', invalidJson: { line: 1, column: 1 } });
  });
});

describe('budgets on the hostile server', () => {
  it('stops at maxRequests, and a check over the cut-off part is untested, never passed', async () => {
    const { record } = await crawlHostile({ maxRequests: 8, maxPagesPerList: 20 });
    expect(record.requests).toBe(8);
    expect(record.cutOff.length).toBeGreaterThan(0);
    expect(record.cutOff.every(({ budget }) => budget === 'maxRequests')).toBe(true);
    const output = withinBudget({ outcome: 'passed', findings: [] }, record.cutOff);
    expect(output.outcome).toBe('untested');
    expect(output.findings[0]).toMatchObject({ code: 'crawl-cut-off', params: { count: record.cutOff.length, budgets: ['maxRequests'] } });
    expect(withinBudget({ outcome: 'failed', findings: [] }, record.cutOff).outcome).toBe('failed');
  });

  it('starts no request once maxTimeMs has passed', async () => {
    // The entry answers after 50 ms, so the links it gives are found after the 20 ms budget.
    const { record } = await crawlHostile({ maxTimeMs: 20 }, `${server.url}slow-system`);
    expect(record.requests).toBe(1);
    expect(record.cutOff).toEqual([expect.objectContaining({ url: `${server.url}bodies`, budget: 'maxTimeMs' })]);
  });
});
