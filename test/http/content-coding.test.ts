/**
 * Content codings (RFC 9110 §8.4): konform asks for gzip, deflate and br, decodes them, holds
 * the decoded body to the size limit, records the coding, and takes a coding it cannot decode
 * for a protocol failure. A 10 GB gzip bomb costs a process of its own less than 200 MB.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOMB_BYTES } from '../../fixtures/hostile/routes.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { failureOf, get, testClient } from './helpers.js';

let hostile: HostileServer;
beforeAll(async () => {
  hostile = await startHostileServer();
});
afterAll(() => hostile.close());

const encodedPath = (coding: string, body = '{"ok":true}', repeat = 1) => `/encoded?coding=${encodeURIComponent(coding)}&body=${encodeURIComponent(body)}&repeat=${repeat}`;
const encoded = (coding: string, body?: string, repeat?: number) => get(`${hostile.url}${encodedPath(coding, body, repeat)}`);

describe('content codings', () => {
  it('asks for gzip, deflate and br, and records that it did', async () => {
    const { client, exchanges } = testClient([hostile.url]);
    const echoed = JSON.parse((await client.send(get(`${hostile.url}/echo`))).body.toString()) as { headers: Record<string, string> };
    expect(echoed.headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(exchanges[0]?.request.headers['accept-encoding']).toBe('gzip, deflate, br');
    await client.close();
  });

  it('leaves a request its own Accept-Encoding', async () => {
    const { client } = testClient([hostile.url]);
    const echoed = JSON.parse((await client.send(get(`${hostile.url}/echo`, { 'Accept-Encoding': 'identity' }))).body.toString()) as { headers: Record<string, string> };
    expect(echoed.headers['accept-encoding']).toBe('identity');
    await client.close();
  });

  it.each(['gzip', 'deflate', 'br', 'gzip,br'])('decodes %s: the body, its excerpt and its size are of the decoded bytes', async (coding) => {
    const { client, exchanges } = testClient([hostile.url]);
    const response = await client.send(encoded(coding));
    expect(response.body.toString()).toBe('{"ok":true}');
    expect(exchanges[0]?.response).toMatchObject({ contentCoding: coding.replace(',', ', '), bodyExcerpt: '{"ok":true}', bodyBytes: 11, truncated: false });
    await client.close();
  });

  it('records no coding for an answer without one', async () => {
    const { client, exchanges } = testClient([hostile.url]);
    await client.send(get(`${hostile.url}/ok`));
    expect(exchanges[0]?.response?.contentCoding).toBeUndefined();
    await client.close();
  });

  it('holds the decoded body to the size limit, and says so', async () => {
    const { client, exchanges } = testClient([hostile.url], { limits: { maxResponseBytes: 10_000 } });
    const failure = await failureOf(client.send(encoded('gzip', 'a', 50_000)));
    expect(failure.reason).toBe('tooLarge');
    expect(failure.message).toMatch(/decoded .*gzip.* 10000 bytes/);
    expect(exchanges[0]?.response).toMatchObject({ status: 200, contentCoding: 'gzip', bodyBytes: 10_000, truncated: true });
    await client.close();
  });

  it.each([
    ['a coding it does not know', encodedPath('zstd'), /content coding zstd/],
    ['bytes that are no gzip', '/encoded-broken', /gzip.*incorrect header check/],
    ['a gzip stream without its end', '/encoded-broken?truncated', /gzip.*unexpected end of file/],
  ])('fails as a protocol failure, status and headers kept: %s', async (_case, path, message) => {
    const { client, exchanges } = testClient([hostile.url]);
    const failure = await failureOf(client.send(get(`${hostile.url}${path}`)));
    expect(failure.reason).toBe('protocol');
    expect(failure.message).toMatch(message);
    expect(exchanges[0]?.response?.status).toBe(200);
    await client.close();
  });

  it('stops a 10 GB gzip bomb at the decoded limit, in under 200 MB of resident memory, measured in a process of its own', async () => {
    const limit = 10 * 1024 * 1024;
    const measured = await bombInChildProcess(hostile.url, limit);
    expect(measured.failure).toMatchObject({ reason: 'tooLarge', message: expect.stringMatching(/decoded/) });
    expect(measured.bodyBytes).toBe(limit);
    expect(measured.maxRssKiB * 1024).toBeLessThan(200 * 1000 * 1000);
    expect(hostile.bombBytesMade).toBeLessThan(BOMB_BYTES / 100);
  });
});

/** Requests /gzip-bomb with the built client in a fresh node process, which reports its peak RSS (KiB). */
async function bombInChildProcess(target: string, maxResponseBytes: number) {
  const script = `
    const { createHttpClient } = await import(process.env.KONFORM_CLIENT);
    const exchanges = [];
    const client = createHttpClient({
      userAgent: 'konform-test', allowedHosts: [new URL(process.env.KONFORM_TARGET).host], record: (exchange) => exchanges.push(exchange),
      limits: { timeoutMs: 10000, maxResponseBytes: ${maxResponseBytes}, maxRedirects: 0, concurrency: 1, ratePerHost: 0, excerptBytes: 4096 },
    });
    const failure = await client.send({ method: 'GET', url: process.env.KONFORM_TARGET + '/gzip-bomb' }).then(() => undefined, (error) => ({ reason: error.reason, message: error.message }));
    await client.close();
    process.stdout.write(JSON.stringify({ failure, bodyBytes: exchanges[0]?.response?.bodyBytes, maxRssKiB: process.resourceUsage().maxRSS }));
  `;
  const env = { ...process.env, KONFORM_CLIENT: pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'http', 'client.js')).href, KONFORM_TARGET: target };
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return JSON.parse(stdout) as { failure?: { reason: string; message: string }; bodyBytes?: number; maxRssKiB: number };
}
