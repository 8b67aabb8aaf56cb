/**
 * A target that dies in the middle of a run: konform stops sending to it once it stopped
 * answering, the report and summary.md say so, what was left is cantTell, and the run is
 * never conformant.
 */
import { connect, createServer, type Socket } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import { CONSECUTIVE_FAILURES } from '../../src/http/circuit-breaker.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');

/** Forwards the first `alive` requests to `upstream`; from then on it resets every connection, open ones included. */
async function dyingProxy(upstream: URL, alive: number) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const die = () => {
    for (const open of sockets) open.resetAndDestroy();
  };
  const server = createServer((socket) => {
    if (requests >= alive) return socket.resetAndDestroy();
    const onward = connect(Number(upstream.port), upstream.hostname);
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      requests += chunk.toString('latin1').split(' HTTP/1.1\r\n').length - 1;
      if (requests > alive) return die();
      onward.write(chunk);
    });
    onward.pipe(socket);
    socket.on('error', () => onward.destroy());
    onward.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let pegel: PegelServer;
beforeAll(async () => {
  pegel = await startPegelServer();
});
afterAll(() => pegel.close());

describe('a target that dies during the run', () => {
  it('gets no more requests once it stopped answering; the report says so, and the run is inconclusive', async () => {
    const upstream = new URL(pegel.url);
    const proxy = await dyingProxy(upstream, 5);
    const out = await mkdtemp(join(tmpdir(), 'konform-dies-'));
    try {
      const url = `http://127.0.0.1:${proxy.port}${upstream.pathname}`;
      const report = await run({ suite: 'openapi-contract', target: { url, spec: SPEC }, limits: { ratePerHost: 0, concurrency: 1 }, out });
      const reason = new RegExp(`^127\\.0\\.0\\.1:${proxy.port} stopped answering: ${CONSECUTIVE_FAILURES} requests in a row got no response`);
      expect(report.stoppedHosts).toEqual([{ host: `127.0.0.1:${proxy.port}`, reason: expect.stringMatching(reason) }]);
      expect(report.verdict).toBe('inconclusive');
      expect(report.exitCode).toBe(3);
      expect(await readFile(join(out, 'summary.md'), 'utf8')).toContain('> Ein Host antwortete nicht mehr: ');
      const notSent = report.exchanges.filter((exchange) => exchange.error?.message.startsWith('not sent'));
      expect(notSent.length).toBeGreaterThan(0);
      // The five answered, then the requests that got no response, until the circuit opened.
      expect(report.exchanges.length - notSent.length).toBe(5 + CONSECUTIVE_FAILURES);
      const unsentIds = new Set(notSent.map((exchange) => exchange.id));
      const resting = report.results.filter((result) => result.evidence.some((id) => unsentIds.has(id)));
      expect(resting.length).toBeGreaterThan(0);
      expect(resting.filter((result) => result.outcome !== 'cantTell')).toEqual([]);
    } finally {
      await proxy.close();
      await rm(out, { recursive: true, force: true });
    }
  });
});
