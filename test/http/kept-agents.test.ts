import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, testClient } from './helpers.js';

let server: Server;
let url: string;
let connections = 0;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow') setTimeout(() => response.end('slow'), 300);
    else response.end('ok');
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  url = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('agents kept for the process', () => {
  it('lets a later client to the same target reuse the open connection', async () => {
    const first = testClient([url]).client;
    await first.send(get(`${url}/one`));
    await first.close();
    // undici hands a connection back to its pool on the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const opened = connections;
    const second = testClient([url]).client;
    await second.send(get(`${url}/two`));
    await second.close();
    expect(connections).toBe(opened);
  });

  it('closing one client aborts its own requests, not those of another client of the same target', async () => {
    const closing = testClient([url]).client;
    const staying = testClient([url]).client;
    const aborted = closing.send(get(`${url}/slow`)).catch((error: unknown) => error);
    const answered = staying.send(get(`${url}/slow`));
    await closing.close();
    expect(await aborted).toMatchObject({ reason: 'aborted' });
    expect((await answered).body.toString()).toBe('slow');
    await staying.close();
  });

  it('gives a client with other TLS material an agent of its own', async () => {
    const plain = testClient([url]).client;
    await plain.send(get(`${url}/plain`));
    await new Promise((resolve) => setImmediate(resolve));
    const opened = connections;
    const withCa = testClient([url], { tls: { ca: '-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n' } }).client;
    await withCa.send(get(`${url}/with-ca`));
    expect(connections).toBe(opened + 1);
    await Promise.all([plain.close(), withCa.close()]);
  });
});
