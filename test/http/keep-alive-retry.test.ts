/**
 * A kept-alive connection that the server closes as the next request arrives on it: an
 * idempotent request (RFC 9110 §9.2.2) is sent once more on a new connection, and the exchange
 * says so; any other request, a request on a new connection, and the request sent again are not.
 * Each test has a server of its own, so the client's kept connections start empty.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startClosingServer, type ArrivingRequest, type ClosingServer } from '../../fixtures/hostile/closing-keep-alive.js';
import { failureOf, get, testClient } from './helpers.js';

let server: ClosingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A client whose first request opened a connection that it keeps for the next one. */
async function clientWithKeptConnection(closes?: (request: ArrivingRequest) => boolean) {
  server = await startClosingServer(closes);
  const test = testClient([server.url]);
  expect((await test.client.send(get(`${server.url}/first`))).status).toBe(200);
  // undici hands a connection back to its pool on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  return { ...test, server };
}

describe('a kept-alive connection the server closed', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE'])('%s is sent once more on a new connection, and the exchange records it', async (method) => {
    const { client, exchanges, server } = await clientWithKeptConnection();
    const body = method === 'PUT' ? '{"put":true}' : undefined;
    const response = await client.send({ method, url: `${server.url}/again`, ...(body ? { body } : {}) });
    expect(response.status).toBe(200);
    expect(server.requests.map((request) => [request.url, request.connection, request.onConnection])).toEqual([
      ['/first', 1, 1],
      ['/again', 1, 2],
      ['/again', 2, 1],
    ]);
    if (body) expect(server.requests[2]?.body).toBe(body);
    const exchange = exchanges.find((candidate) => candidate.id === response.exchangeId);
    expect(exchange?.retried).toEqual([{ url: `${server.url}/again`, message: expect.stringMatching(/closed|reset|ECONNRESET/i) }]);
    expect(exchange?.error).toBeUndefined();
    expect(exchanges[0]?.retried).toBeUndefined();
    await client.close();
  });

  it('a POST is not sent again: it fails as connectionReset', async () => {
    const { client, exchanges, server } = await clientWithKeptConnection();
    const failure = await failureOf(client.send({ method: 'POST', url: `${server.url}/create`, body: '{}' }));
    expect(failure.reason).toBe('connectionReset');
    expect(server.requests.filter((request) => request.url === '/create')).toHaveLength(1);
    expect(exchanges[1]?.retried).toBeUndefined();
    await client.close();
  });

  it('a request closed on a new connection is not sent again', async () => {
    server = await startClosingServer(() => true);
    const { client, exchanges } = testClient([server.url]);
    expect((await failureOf(client.send(get(`${server.url}/closed`)))).reason).toBe('connectionReset');
    expect(server.requests).toHaveLength(1);
    expect(exchanges[0]?.retried).toBeUndefined();
    await client.close();
  });

  it('is sent again once only: closed on the new connection too, it fails, and the exchange records the one retry', async () => {
    const { client, exchanges, server } = await clientWithKeptConnection((request) => request.url !== '/first');
    const failure = await failureOf(client.send(get(`${server.url}/never`)));
    expect(failure.reason).toBe('connectionReset');
    expect(server.requests.filter((request) => request.url === '/never').map((request) => request.connection)).toEqual([1, 2]);
    expect(exchanges[1]?.retried).toHaveLength(1);
    expect(exchanges[1]?.error?.reason).toBe('connectionReset');
    await client.close();
  });
});

/**
 * A Node server in a thread of its own that closes a connection idle past its keep-alive
 * timeout (50 ms, plus the second Node adds) and, like a server behind a proxy, names no
 * timeout in its answers.
 */
const KEEP_ALIVE_SERVER = `
  const { createServer } = require('node:http');
  const { parentPort } = require('node:worker_threads');
  const server = createServer((request, response) => response.writeHead(200, { connection: 'keep-alive' }).end('ok'));
  server.keepAliveTimeout = 50;
  server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

describe('the case of a run whose planning held the event loop', () => {
  it('eight requests at once, after the loop was held past the server keep-alive timeout, are all answered', async () => {
    const worker = new Worker(KEEP_ALIVE_SERVER, { eval: true });
    try {
      const url = `http://127.0.0.1:${await new Promise<number>((resolve) => worker.once('message', resolve))}`;
      const { client, exchanges } = testClient([url], { limits: { concurrency: 8 } });
      const eightAtOnce = () => Promise.all(Array.from({ length: 8 }, () => client.send(get(`${url}/`))));
      await eightAtOnce();
      for (let round = 0; round < 4; round += 1) {
        // The event loop held as a long planning holds it, while the server closes the idle connections.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
        expect((await eightAtOnce()).map((response) => response.status)).toEqual(Array(8).fill(200));
      }
      expect(exchanges.filter((exchange) => exchange.error)).toEqual([]);
      await client.close();
    } finally {
      await worker.terminate();
    }
  });
});
