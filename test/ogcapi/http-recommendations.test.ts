/**
 * ogcapi.http-recommendations when HEAD gets no answer: konform could not decide whether HEAD
 * is supported, which is cantTell, not a failure of the server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startOgcServer, type OgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/core/run.js';
import type { Report } from '../../src/report/model.js';

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
