import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/closed-port.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { failureOf, get, testClient } from './helpers.js';

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

describe('responses', () => {
  it('returns any status with headers and body, and records the exchange', async () => {
    const { client, exchanges } = testClient([hostile.url]);
    const response = await client.send(get(`${hostile.url}/ok`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body.toString())).toEqual({ ok: true });
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0]).toMatchObject({ id: response.exchangeId, response: { status: 200, bodyExcerpt: '{"ok":true}', bodyBytes: 11, truncated: false } });
    expect(exchanges[0]?.request.headers['user-agent']).toBe('konform-test');
    expect(exchanges[0]?.error).toBeUndefined();
    await client.close();
  });

  it('records the request body and a binary response body as readable excerpts', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { excerptBytes: 4 } });
    await client.send({ method: 'post', url: `${hostile.url}/echo`, body: 'hello' });
    expect(exchanges[0]?.request).toMatchObject({ method: 'POST', bodyExcerpt: 'hell' });
    expect(exchanges[0]?.response?.truncated).toBe(true);
    const binary = await client.send(get(`${hostile.url}/binary`));
    expect(binary.body).toHaveLength(256);
    expect(exchanges[1]?.response).toMatchObject({ bodyExcerpt: '[binary, 256 bytes]', bodyBytes: 256 });
    await client.close();
  });

  it('treats invalid JSON and 404 as responses, not failures', async () => {
    const { client } = testClient([hostile.url]);
    const broken = await client.send(get(`${hostile.url}/bad-json`));
    expect(broken.status).toBe(200);
    expect(() => JSON.parse(broken.body.toString())).toThrow();
    expect((await client.send(get(`${hostile.url}/missing`))).status).toBe(404);
    await client.close();
  });
});

describe('failure reasons', () => {
  it('unreachable: connection refused', async () => {
    const port = await closedPort();
    const { client, exchanges } = testClient([`127.0.0.1:${port}`]);
    const failure = await failureOf(client.send(get(`http://127.0.0.1:${port}/`)));
    expect(failure.reason).toBe('unreachable');
    expect(failure.exchangeId).toBe(exchanges[0]?.id);
    expect(exchanges[0]?.error?.reason).toBe('unreachable');
    expect(exchanges[0]?.response).toBeUndefined();
    await client.close();
  });

  it('unreachable: a name that does not resolve', async () => {
    const { client } = testClient(['konform-no-such-host.invalid']);
    expect((await failureOf(client.send(get('http://konform-no-such-host.invalid/')))).reason).toBe('unreachable');
    await client.close();
  });

  it('timeout: headers never come', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { timeoutMs: 300 } });
    const failure = await failureOf(client.send(get(`${hostile.url}/slow-headers`)));
    expect(failure.reason).toBe('timeout');
    expect(exchanges[0]?.error?.message).toMatch(/300 ms/);
    await client.close();
  });

  it('timeout: the body trickles forever, status and headers are kept', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { timeoutMs: 400 } });
    expect((await failureOf(client.send(get(`${hostile.url}/slow-body`)))).reason).toBe('timeout');
    expect(exchanges[0]?.response?.status).toBe(200);
    expect(exchanges[0]?.response?.bodyExcerpt).toMatch(/^\.*$/);
    await client.close();
  });

  it('tooLarge: an endless body stops at the limit, status and headers are kept', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { maxResponseBytes: 100_000 } });
    expect((await failureOf(client.send(get(`${hostile.url}/huge`)))).reason).toBe('tooLarge');
    expect(exchanges[0]?.response).toMatchObject({ status: 200, bodyBytes: 100_000, truncated: true });
    expect(exchanges[0]?.response?.headers['content-type']).toBe('text/plain');
    await client.close();
  });

  it('tooLarge: a declared Content-Length over the limit fails before reading', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { maxResponseBytes: 100_000 } });
    const failure = await failureOf(client.send(get(`${hostile.url}/huge?declare`)));
    expect(failure.reason).toBe('tooLarge');
    expect(failure.message).toMatch(/Content-Length/);
    expect(exchanges[0]?.response).toMatchObject({ status: 200, bodyBytes: 0, truncated: true });
    await client.close();
  });

  it('tooLarge: 1 GiB with a 10 MB limit ends at the limit, the server stops sending', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { maxResponseBytes: 10 * 1024 * 1024, timeoutMs: 30_000 } });
    const before = hostile.hugeBytesSent;
    expect((await failureOf(client.send(get(`${hostile.url}/huge`)))).reason).toBe('tooLarge');
    expect(exchanges[0]?.response?.bodyBytes).toBe(10 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hostile.hugeBytesSent - before).toBeLessThan(100 * 1024 * 1024);
    await client.close();
  });

  it('connectionReset: the socket is destroyed before or during the response', async () => {
    const { client, exchanges } = testClient([hostile.url]);
    expect((await failureOf(client.send(get(`${hostile.url}/reset`)))).reason).toBe('connectionReset');
    expect((await failureOf(client.send(get(`${hostile.url}/reset-body`)))).reason).toBe('connectionReset');
    expect(exchanges[1]?.response?.bodyExcerpt).toBe('the first part of the body');
    await client.close();
  });

  it('protocol: the response is not HTTP', async () => {
    const { client } = testClient([hostile.url]);
    expect((await failureOf(client.send(get(`${hostile.url}/malformed`)))).reason).toBe('protocol');
    await client.close();
  });

  it('tls: the server certificate is not trusted', async () => {
    const { startMtlsServer } = await import('../../fixtures/auth/mtls-server.js');
    const server = await startMtlsServer();
    const { client } = testClient([server.url]);
    const failure = await failureOf(client.send(get(`${server.url}/`)));
    expect(failure.reason).toBe('tls');
    await client.close();
    await server.close();
  });

  it('tooManyRedirects: an endless redirect loop', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { maxRedirects: 3 } });
    expect((await failureOf(client.send(get(`${hostile.url}/redirect-loop`)))).reason).toBe('tooManyRedirects');
    expect(exchanges[0]?.redirects).toHaveLength(4);
    expect(hostile.requests.filter((request) => request.url === '/redirect-loop').length).toBeGreaterThanOrEqual(4);
    await client.close();
  });

  it('aborted: the run signal aborts a request in flight', async () => {
    const controller = new AbortController();
    const { client, exchanges } = testClient([hostile.url], { signal: controller.signal });
    const pending = failureOf(client.send(get(`${hostile.url}/slow-headers`)));
    setTimeout(() => controller.abort(new Error('stopped')), 50);
    expect((await pending).reason).toBe('aborted');
    expect(exchanges[0]?.error?.reason).toBe('aborted');
    expect((await failureOf(client.send(get(`${hostile.url}/ok`)))).reason).toBe('aborted');
    expect(exchanges).toHaveLength(2);
    await client.close();
  });

  it('aborted: a closed client refuses requests', async () => {
    const { client } = testClient([hostile.url]);
    expect((await client.send(get(`${hostile.url}/ok`))).status).toBe(200);
    await client.close();
    expect((await failureOf(client.send(get(`${hostile.url}/ok`)))).reason).toBe('aborted');
  });
});
