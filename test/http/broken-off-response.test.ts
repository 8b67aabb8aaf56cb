/**
 * A response whose body breaks off (over the size limit, past the deadline, the connection
 * destroyed) fails the request, and the failure keeps what arrived before: the status, the
 * headers and how many bytes of the body came. A request that got no final response keeps none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, get, testClient } from './helpers.js';

const LIMIT = 1024;

const ROUTES: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  // Headers, then more body than the limit, without Content-Length.
  '/over-limit': (_request, response) => {
    response.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'a1' });
    response.end(Buffer.alloc(LIMIT * 4, 'x'));
  },
  // Headers that announce more than the limit: refused before any byte of the body is read.
  '/declared-over-limit': (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(LIMIT * 4) });
    response.end(Buffer.alloc(LIMIT * 4, 'x'));
  },
  // Headers and the first bytes of the body, then nothing: the deadline passes.
  '/stalls': (_request, response) => {
    response.writeHead(404, { 'content-type': 'application/problem+json' });
    response.write('{"title":');
  },
  // Nothing at all: the deadline passes before the status line.
  '/silent': () => undefined,
  // A redirect whose own body is over the limit: the answer it leads to never came.
  '/redirect-over-limit': (_request, response) => {
    response.writeHead(302, { location: '/over-limit' });
    response.end(Buffer.alloc(LIMIT * 4, 'x'));
  },
  // An interim answer (RFC 9110 §15.2) to a request that offered no upgrade, then nothing final.
  '/switch': (request) => request.socket.end('HTTP/1.1 101 Switching Protocols\r\n\r\n'),
};

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => ROUTES[request.url ?? '']?.(request, response));
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((closed) => server.close(closed));
});

function client() {
  return testClient([url], { limits: { maxResponseBytes: LIMIT, timeoutMs: 300 } });
}

describe('a request whose response broke off', () => {
  it('keeps the status and headers of a body over the size limit', async () => {
    const { client: http } = client();
    const failure = await failureOf(http.send(get(`${url}/over-limit`)));
    expect(failure.reason).toBe('tooLarge');
    expect(failure.response).toMatchObject({ status: 201, url: `${url}/over-limit`, exchangeId: failure.exchangeId });
    expect(failure.response?.headers).toMatchObject({ 'content-type': 'application/json', 'x-trace': 'a1' });
    expect(failure.response?.bodyBytes).toBeGreaterThan(0);
  });

  it('keeps the status and headers of a body whose declared length is over the limit', async () => {
    const { client: http } = client();
    const failure = await failureOf(http.send(get(`${url}/declared-over-limit`)));
    expect(failure.reason).toBe('tooLarge');
    expect(failure.response).toMatchObject({ status: 200, headers: { 'content-length': String(LIMIT * 4) } });
  });

  it('keeps the status and headers of a body that stalled past the deadline', async () => {
    const { client: http } = client();
    const failure = await failureOf(http.send(get(`${url}/stalls`)));
    expect(failure.reason).toBe('timeout');
    expect(failure.response).toMatchObject({ status: 404, headers: { 'content-type': 'application/problem+json' }, bodyBytes: 9 });
  });

  it('keeps nothing when no response began', async () => {
    const { client: http } = client();
    const failure = await failureOf(http.send(get(`${url}/silent`)));
    expect(failure.reason).toBe('timeout');
    expect(failure.response).toBeUndefined();
  });

  it('keeps nothing of a redirect or an interim response: neither is the answer', async () => {
    const { client: http } = client();
    for (const path of ['/redirect-over-limit', '/switch']) {
      const failure = await failureOf(http.send(get(`${url}${path}`)));
      expect(failure.response, path).toBeUndefined();
    }
  });
});
