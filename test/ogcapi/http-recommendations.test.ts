/**
 * ogcapi.http-recommendations when HEAD gets no answer: konform could not decide whether HEAD
 * is supported, which is cantTell, not a failure of the server. And a landing page without
 * links has none to repeat in Link headers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOgcServer, type OgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

let reference: OgcServer;
let proxy: Server;
let report: Report;

beforeAll(async () => {
  reference = await startOgcServer();
  const upstream = new URL(reference.url);
  // Passes every request on to the reference server, but closes the connection on a HEAD.
  proxy = createServer(async (request, response) => {
    if (request.method === 'HEAD') return request.socket.destroy();
    const answer = await fetch(new URL(request.url ?? '/', upstream), { method: request.method, headers: request.headers as Record<string, string> });
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
    response.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}${upstream.pathname}`;
  report = await run({ suite: 'ogcapi-features-1.0', target: { url }, limits: { ratePerHost: 0 } });
});
afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await reference.close();
});

it('cannot tell whether HEAD is supported when HEAD gets no answer', () => {
  const result = report.results.find((candidate) => candidate.check === 'http-recommendations');
  expect(result?.outcome).toBe('cantTell');
  expect(result?.findings.find((finding) => finding.rule === '/rec/core/head')?.code).toBe('transport-failure');
  expect(report.requirements.find((requirement) => requirement.id === '/rec/core/head')?.outcome).toBe('cantTell');
});

it('has no Link header to ask for when the landing page links nothing', async () => {
  const bare = createServer((request, response) => {
    const documents: Record<string, unknown> = {
      '/': { title: 'no links', links: [] },
      '/conformance': { conformsTo: ['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core'] },
      '/collections': { links: [], collections: [] },
    };
    const document = documents[new URL(request.url ?? '/', 'http://x').pathname];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(document ?? {}));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  try {
    const bareReport = await run({ suite: 'ogcapi-features-1.0', target: { url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}/` }, limits: { ratePerHost: 0 } });
    const outcome = (id: string) => bareReport.requirements.find((requirement) => requirement.id === id)?.outcome;
    expect(outcome('/rec/core/link-header')).toBe('inapplicable');
    expect(outcome('/rec/core/head')).toBe('passed');
  } finally {
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
});
