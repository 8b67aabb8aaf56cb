import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import type { AuthConfig } from '../../src/http/types.js';
import { failureOf, get, testClient } from './helpers.js';

let first: HostileServer;
let second: HostileServer;
beforeAll(async () => {
  [first, second] = await Promise.all([startHostileServer(), startHostileServer()]);
});
afterAll(() => Promise.all([first.close(), second.close()]));

const redirect = (server: HostileServer, status: number, location: string): string =>
  `${server.url}/redirect?status=${status}&location=${encodeURIComponent(location)}`;

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

async function echoAfter(status: number, method: string, target: HostileServer = first, auth: AuthConfig[] = []): Promise<Echo> {
  const { client, exchanges } = testClient([first.url, second.url], { auth });
  const response = await client.send({
    method,
    url: redirect(first, status, `${target.url}/echo`),
    headers: { 'content-type': 'text/plain', cookie: 'session=1' },
    body: 'payload',
  });
  expect(exchanges[0]?.redirects).toEqual([{ status, location: `${target.url}/echo` }]);
  await client.close();
  return JSON.parse(response.body.toString()) as Echo;
}

describe('redirects', () => {
  it('303 turns POST into GET without content (RFC 9110 §15.4.4)', async () => {
    const echo = await echoAfter(303, 'POST');
    expect(echo).toMatchObject({ method: 'GET', body: '' });
    expect(echo.headers['content-type']).toBeUndefined();
  });

  it('302 and 301 turn POST into GET, as user agents do (§15.4.2, §15.4.3)', async () => {
    expect((await echoAfter(302, 'POST')).method).toBe('GET');
    expect((await echoAfter(301, 'POST')).method).toBe('GET');
    expect((await echoAfter(302, 'PUT')).method).toBe('PUT');
  });

  it('307 and 308 keep method and content (§15.4.8, §15.4.9)', async () => {
    expect(await echoAfter(307, 'POST')).toMatchObject({ method: 'POST', body: 'payload' });
    expect(await echoAfter(308, 'PUT')).toMatchObject({ method: 'PUT', body: 'payload' });
  });

  it('keeps credentials on a same-origin redirect', async () => {
    const echo = await echoAfter(302, 'GET', first, [{ scheme: 'bearer', token: 'tok-1' }, { scheme: 'apiKey', in: 'query', name: 'key', value: 'k-1' }]);
    expect(echo.headers.authorization).toBe('Bearer tok-1');
    expect(echo.headers.cookie).toBe('session=1');
    expect(echo.url).toBe('/echo?key=k-1');
  });

  it('drops credentials and cookies on a redirect to another origin', async () => {
    const echo = await echoAfter(302, 'GET', second, [{ scheme: 'bearer', token: 'tok-1' }, { scheme: 'apiKey', in: 'query', name: 'key', value: 'k-1' }]);
    expect(echo.headers.authorization).toBeUndefined();
    expect(echo.headers.cookie).toBeUndefined();
    expect(echo.url).toBe('/echo');
  });

  it('follows exactly maxRedirects redirects', async () => {
    const { client, exchanges } = testClient([first.url], { limits: { maxRedirects: 2 } });
    const twice = redirect(first, 302, redirect(first, 302, '/ok'));
    expect((await client.send(get(twice))).status).toBe(200);
    expect(exchanges[0]?.redirects).toHaveLength(2);
    const thrice = redirect(first, 302, twice);
    expect((await failureOf(client.send(get(thrice)))).reason).toBe('tooManyRedirects');
    await client.close();
  });

  it('returns a redirect without Location as the response', async () => {
    const { client } = testClient([first.url]);
    const response = await client.send(get(`${first.url}/redirect?status=302`));
    expect(response.status).toBe(302);
    await client.close();
  });
});
