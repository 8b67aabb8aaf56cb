/**
 * A server that asks konform to wait (429 or 503 with Retry-After) gets nothing more until
 * then, and the request is asked again; a wait too long leaves the answer (a 429 or 503 without
 * Retry-After: politeness.test.ts).
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WAIT_MS, RETRIES, retryAfterMs } from '../../src/http/retry-after.js';
import { get, testClient } from './helpers.js';

/** Answers the first `busy` requests with `status` and `Retry-After: retryAfter`, the rest 200; notes when each arrived. */
async function busyServer(busy: number, status: number, retryAfter: string | undefined) {
  const arrivals: number[] = [];
  const server: Server = createServer((request, response) => {
    arrivals.push(performance.now());
    if (arrivals.length > busy) return void response.writeHead(200).end('ok');
    response.writeHead(status, retryAfter === undefined ? {} : { 'retry-after': retryAfter }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('Retry-After', () => {
  it('reads delay-seconds and an HTTP-date (RFC 9110 §10.2.3)', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 07 Dec 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it.each([429, 503])('waits as a %i asks, then asks again and gets the answer', async (status) => {
    const server = await busyServer(1, status, '1');
    close = server.close;
    const { client, exchanges } = testClient([server.url]);
    const response = await client.send(get(`${server.url}/x`));
    expect(response.status).toBe(200);
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([status, 200]);
    const [first = 0, second = 0] = server.arrivals;
    expect(second - first).toBeGreaterThanOrEqual(950);
    await client.close();
  });

  it('holds back every request to the host while it waits, not only the one asked to wait', async () => {
    const server = await busyServer(1, 429, '1');
    close = server.close;
    const { client } = testClient([server.url]);
    const asked = client.send(get(`${server.url}/asked`));
    while (server.arrivals.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await client.send(get(`${server.url}/other`));
    expect(other.status).toBe(200);
    expect((await asked).status).toBe(200);
    const [first = 0, ...later] = server.arrivals;
    expect(later).toHaveLength(2);
    expect(later.every((arrival) => arrival - first >= 950)).toBe(true);
    await client.close();
  });

  it(`gives up after ${RETRIES} repeats, and never waits longer than ${MAX_WAIT_MS / 1000} s`, async () => {
    const always = await busyServer(100, 503, '0');
    close = always.close;
    const repeating = testClient([always.url]);
    expect((await repeating.client.send(get(`${always.url}/x`))).status).toBe(503);
    expect(always.arrivals).toHaveLength(1 + RETRIES);
    await repeating.client.close();
    for (const retryAfter of [String(MAX_WAIT_MS / 1000 + 1)]) {
      const server = await busyServer(1, 429, retryAfter);
      const { client } = testClient([server.url]);
      const started = performance.now();
      expect((await client.send(get(`${server.url}/x`))).status).toBe(429);
      expect(server.arrivals).toHaveLength(1);
      expect(performance.now() - started).toBeLessThan(1000);
      await client.close();
      await server.close();
    }
  });
});
