/**
 * Paging a hostile server: `next` links that never end, and `next` links to a host the target
 * does not allow. konform stops at its budgets, never contacts the other host, and reports what
 * it could not count as untested or cantTell, never as passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

const CONFORMANCE = ['core', 'geojson'].map((name) => `http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${name}`);

/** A page of one feature whose next link goes on forever, or, in `foreign`, to another host. */
function page(base: string, collection: string, offset: number): unknown {
  const next =
    collection === 'foreign'
      ? `http://foreign.example:9/items?offset=${offset + 1}`
      : `${base}/collections/${collection}/items?offset=${offset + 1}`;
  const feature = {
    type: 'Feature',
    id: `${collection}-${offset}`,
    properties: {},
    geometry: { type: 'Point', coordinates: [7 + offset / 1000, 50] },
  };
  const links = [
    { href: `${base}/collections/${collection}/items?offset=${offset}`, rel: 'self', type: 'application/geo+json' },
    { href: next, rel: 'next', type: 'application/geo+json' },
  ];
  return { type: 'FeatureCollection', features: [feature], links, numberReturned: 1 };
}

let server: Server;
let base: string;
let report: Report;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', base);
    const items = /^\/collections\/(endless|foreign)\/items$/.exec(url.pathname);
    const body =
      url.pathname === '/conformance'
        ? { conformsTo: CONFORMANCE }
        : url.pathname === '/collections'
          ? {
              links: [],
              collections: [
                { id: 'endless', links: [] },
                { id: 'foreign', links: [] },
              ],
            }
          : items
            ? page(base, items[1] ?? '', Number(url.searchParams.get('offset') ?? 0))
            : undefined;
    response
      .writeHead(body ? 200 : 404, { 'content-type': items ? 'application/geo+json' : 'application/json' })
      .end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  report = await run({ suite: 'ogcapi-features-1.0', profile: 'core', target: { url: base }, limits: { ratePerHost: 0 } });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const outcome = (id: string) => report.results.find((result) => result.id === id)?.outcome;

describe('paging a hostile OGC API server', () => {
  it('follows endless next links only as far as maxPages, and leaves numberMatched untested', () => {
    const pages = report.exchanges.filter((exchange) => exchange.request.url.includes('/collections/endless/items?offset='));
    expect(pages.length).toBeLessThanOrEqual(2 * 5);
    expect(outcome('number-matched/endless')).toBe('untested');
    expect(outcome('paging-recommendations/endless')).toBe('passed');
  });

  it('does not contact a host the target does not allow, and cannot tell what lies behind it', () => {
    const foreign = report.exchanges.filter((exchange) => exchange.request.url.startsWith('http://foreign.example'));
    expect(foreign.length).toBeGreaterThan(0);
    expect(foreign.every((exchange) => exchange.error?.reason === 'hostNotAllowed' && exchange.response === undefined)).toBe(true);
    expect(outcome('number-matched/foreign')).toBe('cantTell');
  });

  it('is never conformant with what it could not judge', () => {
    expect(report.verdict).not.toBe('conformant');
    expect(report.requirements.find((requirement) => requirement.id === '/req/core/fc-numberMatched')?.outcome).toBe('cantTell');
  });
});
