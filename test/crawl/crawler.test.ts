import { afterEach, describe, expect, it } from 'vitest';
import { crawl } from '../../src/crawl/crawler.js';
import { oparlLinks, oparlLinksWith } from '../../src/crawl/oparl-links.js';
import type { CrawlOptions } from '../../src/crawl/types.js';
import { testClient } from '../http/helpers.js';
import { startJsonServer, type JsonServer, type Route } from './json-server.js';

let server: JsonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const object = (path: string, links: Record<string, unknown> = {}) => ({ id: `{base}${path}`, type: 'https://schema.oparl.org/1.1/Thing', ...links });
const page = (items: string[], next?: string) => ({
  data: items.map((path) => object(path)),
  links: next ? { next: `{base}${next}` } : {},
});

async function crawlOf(routes: Record<string, Route>, options: Partial<CrawlOptions> = {}) {
  server = await startJsonServer(routes);
  const { client, exchanges } = testClient([server.url]);
  try {
    const record = await crawl({ entry: `${server.url}/`, http: client, extract: oparlLinks, ...options });
    return { record, exchanges, requested: server.requested, base: server.url };
  } finally {
    await client.close();
  }
}

describe('crawl', () => {
  it('follows every link once, through cycles, and orders the record by URL', async () => {
    const { record, requested, base } = await crawlOf({
      '/': object('/', { body: '{base}/b', organization: '{base}/a' }),
      '/a': object('/a', { body: '{base}/b', meeting: ['{base}/', '{base}/a#x'] }),
      '/b': object('/b', { organization: '{base}/a', person: '{base}/b' }),
    });
    expect(requested.sort()).toEqual(['/', '/a', '/b']);
    expect(record.objects.map(({ url }) => url)).toEqual([`${base}/`, `${base}/a`, `${base}/b`]);
    expect(record.objects[1]).toMatchObject({ depth: 1, status: 200, contentType: 'application/json; charset=utf-8', via: { from: `${base}/`, pointer: '/organization' } });
    expect(record.objects[1]?.json).toMatchObject({ id: `${base}/a` });
    expect(record.repeatedLinks).toBe(5);
    expect(record).toMatchObject({ requests: 3, failures: [], cutOff: [] });
  });

  it('fetches a resource once however its links spell it', async () => {
    const { requested, record } = await crawlOf({
      '/': object('/', { organization: ['{base}/a', '{base}/./a#top', '{base}/%61'], person: '{base}/b?x=%7e' }),
      '/a': object('/a'),
      '/b?x=~': object('/b?x=~'),
    });
    expect(requested.sort()).toEqual(['/', '/a', '/b?x=~']);
    expect(record.repeatedLinks).toBe(2);
  });

  it('keeps one copy of an object found in a list and equal at its own URL, two when they differ', async () => {
    const { record, base } = await crawlOf({
      '/': object('/', { person: '{base}/list' }),
      '/list': { data: [object('/same'), { ...object('/other'), name: 'in the list' }], links: {} },
      '/same': object('/same'),
      '/other': { ...object('/other'), name: 'at its own URL' },
    });
    const [page] = record.lists[0]?.pages ?? [];
    const items = (page?.json as { data: unknown[] }).data;
    const own = (path: string) => record.objects.find(({ url }) => url === `${base}${path}`)?.json;
    expect(own('/same')).toBe(items[0]);
    expect(own('/other')).not.toBe(items[1]);
    expect(own('/other')).toMatchObject({ name: 'at its own URL' });
  });

  it('follows a list page by page, and the items of each page', async () => {
    const { record, base } = await crawlOf({
      '/': object('/', { person: '{base}/list' }),
      '/list': page(['/p1', '/p2'], '/list?page=2'),
      '/list?page=2': page(['/p3'], '/list?page=3'),
      '/list?page=3': page(['/p4']),
      '/p1': object('/p1'), '/p2': object('/p2'), '/p3': object('/p3'), '/p4': object('/p4'),
    });
    expect(record.lists).toHaveLength(1);
    const [list] = record.lists;
    expect(list?.end).toBe('complete');
    expect(list?.pages.map(({ url }) => url)).toEqual([`${base}/list`, `${base}/list?page=2`, `${base}/list?page=3`]);
    expect(list?.pages.map(({ depth }) => depth)).toEqual([1, 1, 1]);
    expect(list?.pages[1]?.via).toEqual({ from: `${base}/list`, pointer: '/links/next' });
    expect(record.objects.map(({ url }) => url.slice(base.length))).toEqual(['/', '/p1', '/p2', '/p3', '/p4']);
    expect(record.objects.find(({ url }) => url.endsWith('/p3'))?.via).toEqual({ from: `${base}/list?page=2`, pointer: '/data/0/id' });
  });

  it('ends a list whose next link loops, and one that outlasts maxPagesPerList', async () => {
    const endless: Record<string, Route> = { '/': object('/', { person: '{base}/loop', paper: '{base}/endless?page=1' }), '/loop': page([], '/loop?again'), '/loop?again': page([], '/loop') };
    for (let index = 1; index <= 10; index += 1) endless[`/endless?page=${index}`] = page([], `/endless?page=${index + 1}`);
    const { record, base } = await crawlOf(endless, { budget: { maxPagesPerList: 3 } });
    const [endlessList, loop] = record.lists;
    expect(loop).toMatchObject({ end: 'loop', loopTo: `${base}/loop` });
    expect(loop?.pages).toHaveLength(2);
    expect(endlessList?.end).toBe('cutOff');
    expect(endlessList?.pages).toHaveLength(3);
    expect(record.cutOff).toEqual([{ url: `${base}/endless?page=4`, budget: 'maxPagesPerList', depth: 1, via: { from: `${base}/endless?page=3`, pointer: '/links/next' } }]);
  });

  it('records what maxDepth and maxRequests cut off, never fetching it', async () => {
    const chain: Record<string, Route> = {};
    for (let index = 0; index < 6; index += 1) chain[index === 0 ? '/' : `/${index}`] = object(`/${index}`, { body: `{base}/${index + 1}` });
    const deep = await crawlOf(chain, { budget: { maxDepth: 2 } });
    expect(deep.requested).toEqual(['/', '/1', '/2']);
    expect(deep.record.cutOff).toMatchObject([{ url: `${deep.base}/3`, budget: 'maxDepth', depth: 3 }]);
    await server?.close();
    const wide = await crawlOf({ '/': object('/', { person: ['/a', '/b', '/c', '/d'].map((path) => `{base}${path}`) }) }, { budget: { maxRequests: 3 } });
    expect(wide.record.requests).toBe(3);
    expect(wide.requested).toHaveLength(3);
    expect(wide.record.cutOff.map(({ budget }) => budget)).toEqual(['maxRequests', 'maxRequests']);
    expect(wide.record.failures).toHaveLength(2);
  });

  it('records a link to another host as refused by the client, never sent, and broken links with their exchange', async () => {
    const { record, exchanges, base } = await crawlOf({
      '/': object('/', { organization: ['https://elsewhere.example/o/1', '{base}/missing', '{base}/reset', '{base}/text'] }),
      '/reset': (response) => response.socket?.destroy(),
      '/text': (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>'),
    });
    const [missing, reset, elsewhere] = record.failures;
    expect(elsewhere).toMatchObject({ url: 'https://elsewhere.example/o/1', reason: 'hostNotAllowed', depth: 1, via: { from: `${base}/`, pointer: '/organization/0' } });
    const refused = exchanges.find(({ id }) => id === elsewhere?.exchange);
    expect(refused).toMatchObject({ request: { url: 'https://elsewhere.example/o/1' }, error: { reason: 'hostNotAllowed' } });
    expect(refused?.response).toBeUndefined();
    expect(missing).toMatchObject({ url: `${base}/missing`, status: 404, depth: 1 });
    expect(exchanges.find(({ id }) => id === missing?.exchange)?.response?.status).toBe(404);
    expect(reset).toMatchObject({ url: `${base}/reset` });
    expect(reset?.reason).toBeDefined();
    expect(record.objects.find(({ url }) => url.endsWith('/text'))).toMatchObject({ contentType: 'text/html', invalidJson: { line: 1, column: 1 } });
  });

  it('names the URL an answer came from only when a redirect led there, not for an API key in the query', async () => {
    const routes: Record<string, Route> = {
      '/': object('/', { organization: ['{base}/moved', '{base}/plain?x=1'] }),
      '/moved': (response) => response.writeHead(301, { location: '/new' }).end(),
      '/new': object('/new'),
      '/plain': object('/plain?x=1'),
    };
    const auth = [{ scheme: 'apiKey' as const, in: 'query' as const, name: 'key', value: 's3cret' }];
    server = await startJsonServer(routes);
    const { client } = testClient([server.url], { auth });
    const record = await crawl({ entry: `${server.url}/`, http: client, extract: oparlLinks });
    await client.close();
    expect(server.requested).toContain('/plain?x=1&key=s3cret');
    expect(record.objects.map(({ url, finalUrl }) => [url.slice(server!.url.length), finalUrl?.replace(server!.url, '')])).toEqual([
      ['/', undefined],
      ['/moved', '/new?key=[REDACTED]'],
      ['/plain?x=1', undefined],
    ]);
  });

  it('cuts off what is left when the run is aborted', async () => {
    const controller = new AbortController();
    const routes: Record<string, Route> = { '/': object('/', { person: ['/a', '/b'].map((path) => `{base}${path}`) }) };
    routes['/a'] = (response) => {
      controller.abort();
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    };
    const { record } = await crawlOf(routes, { signal: controller.signal, concurrency: 1 });
    expect(record.cutOff.map(({ budget }) => budget)).toEqual(['aborted']);
  });

  describe('objects the lists give', () => {
    const items = Array.from({ length: 30 }, (_, index) => `/t/${String(index).padStart(2, '0')}`);
    const routes = (): Record<string, Route> => ({
      '/': object('/', { organization: '{base}/list', person: '{base}/unlisted' }),
      '/list': page(items.slice(0, 15), '/list2'),
      '/list2': page(items.slice(15)),
      '/unlisted': object('/unlisted'),
      ...Object.fromEntries(items.map((path) => [path, object(path)])),
    });
    /** The root's `organization` is a list, its `person` a reference to one object. */
    const listsOf = (type: unknown) => (type === 'https://schema.oparl.org/1.1/Thing' ? new Set(['organization']) : undefined);

    it('fetches a sample of them, spread evenly over their sorted URLs, after the lists are read', async () => {
      const { record, requested } = await crawlOf(routes(), { extract: oparlLinksWith(listsOf), budget: { sample: 5 } });
      const fetched = requested.filter((path) => path.startsWith('/t/'));
      expect(fetched.sort()).toEqual(['/t/00', '/t/06', '/t/12', '/t/18', '/t/24']);
      // The object no body gave is fetched; the lists before any object.
      expect(requested.slice(0, 3)).toEqual(['/', '/list', '/list2']);
      expect(requested).toContain('/unlisted');
      expect(record.sampled).toEqual([{ group: 'https://schema.oparl.org/1.1/Thing', given: 30, fetched: 5 }]);
      expect(record).toMatchObject({ cutOff: [], failures: [] });
    });

    it("fetches every one with sample 'all', none with sample 0", async () => {
      const all = await crawlOf(routes(), { extract: oparlLinksWith(listsOf), budget: { sample: 'all' } });
      expect(all.requested.filter((path) => path.startsWith('/t/'))).toHaveLength(30);
      await server?.close();
      const none = await crawlOf(routes(), { extract: oparlLinksWith(listsOf), budget: { sample: 0 } });
      expect(none.requested.sort()).toEqual(['/', '/list', '/list2', '/unlisted']);
      expect(none.record.sampled).toEqual([{ group: 'https://schema.oparl.org/1.1/Thing', given: 30, fetched: 0 }]);
    });

    it('cuts the sample off with the budget that ran out', async () => {
      const { record } = await crawlOf(routes(), { extract: oparlLinksWith(listsOf), budget: { maxRequests: 3, sample: 5 } });
      expect(new Set(record.cutOff.map(({ budget }) => budget))).toEqual(new Set(['maxRequests']));
      expect(record.cutOff).toHaveLength(6);
    });
  });

  it('ends at the entry when `stop` gives a reason, cutting off every link found there', async () => {
    const { record, requested } = await crawlOf(
      { '/': object('/', { organization: '{base}/a', person: '{base}/b' }), '/a': object('/a'), '/b': object('/b') },
      { stop: () => 'another version' },
    );
    expect(requested).toEqual(['/']);
    expect(record.stopped).toBe('another version');
    expect(record.cutOff.map(({ budget }) => budget)).toEqual(['stopped', 'stopped']);
  });
});

