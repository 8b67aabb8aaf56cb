/**
 * ogcapi-features-1.0 against a server that answers 404 to everything: GET is not supported at
 * the landing page, /conformance or /collections, so what their answers should hold was never
 * examined — cantTell, not passed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

let server: Server;
let report: Report;
beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NotFound"}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  report = await run({ suite: 'ogcapi-features-1.0', target: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }, limits: { ratePerHost: 0 } });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('fails the operations and leaves what their answers should hold undecided', () => {
  const outcome = (id: string) => report.requirements.find((requirement) => requirement.id === id)?.outcome;
  expect(report.verdict).toBe('notConformant');
  expect(['/req/core/root-op', '/req/core/conformance-op', '/req/core/fc-md-op'].map(outcome)).toEqual(['failed', 'failed', 'failed']);
  const unexamined = ['/req/core/root-success', '/req/core/conformance-success', '/req/core/fc-md-success', '/req/core/fc-md-links', '/req/core/fc-md-items-links'];
  expect(unexamined.map(outcome)).toEqual(unexamined.map(() => 'cantTell'));
});
