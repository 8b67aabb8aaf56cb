/**
 * ogcapi-features-1.0 against a server that offers no collection: /collections lists none, so
 * no collection needs an items link — that requirement is inapplicable, not passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

let server: Server;
let report: Report;
beforeAll(async () => {
  server = createServer((request, response) => {
    const base = `http://${request.headers.host}`;
    const link = (path: string, rel: string) => ({ href: `${base}${path}`, rel, type: 'application/json' });
    const documents: Record<string, unknown> = {
      '/': { title: 'empty', links: [link('/', 'self'), link('/api', 'service-desc'), link('/conformance', 'conformance'), link('/collections', 'data')] },
      '/conformance': { conformsTo: ['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'] },
      '/collections': { links: [link('/collections', 'self')], collections: [] },
    };
    const document = documents[new URL(request.url ?? '/', base).pathname];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document ?? { code: 'NotFound' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  report = await run({ suite: 'ogcapi-features-1.0', target: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }, limits: { ratePerHost: 0 } });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('judges /collections and leaves the items links of collections inapplicable', () => {
  const outcome = (id: string) => report.requirements.find((requirement) => requirement.id === id)?.outcome;
  expect(outcome('/req/core/fc-md-op')).toBe('passed');
  expect(outcome('/req/core/fc-md-items-links')).toBe('inapplicable');
});
