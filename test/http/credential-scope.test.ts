/**
 * Credentials go to the target's origin only (the first allowed host), never to the other
 * allowed hosts; the OAuth2 token request goes to its token URL wherever that is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { startAuthServer, type AuthServer } from '../../fixtures/auth/server.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { createAllowlist } from '../../src/http/allowlist.js';
import type { AuthConfig } from '../../src/http/types.js';
import { get, testClient } from './helpers.js';

let target: HostileServer;
let other: AuthServer;
beforeAll(async () => {
  [target, other] = await Promise.all([startHostileServer(), startAuthServer({ tokenLifetimeSeconds: 60 })]);
});
afterAll(() => Promise.all([target.close(), other.close()]));

interface Echo {
  url: string;
  headers: Record<string, string | undefined>;
}

const STATIC: AuthConfig[] = [
  { scheme: 'apiKey', in: 'header', name: C.apiKeyHeader, value: C.apiKey },
  { scheme: 'apiKey', in: 'query', name: C.apiKeyQuery, value: C.apiKey },
  { scheme: 'basic', username: C.username, password: C.password },
];

async function echoes(auth: AuthConfig[]): Promise<{ atTarget: Echo; atOther: Echo }> {
  const { client } = testClient([target.url, other.url], { auth });
  const echo = async (url: string) => JSON.parse((await client.send(get(`${url}/echo?q=1`))).body.toString()) as Echo;
  const result = { atTarget: await echo(target.url), atOther: await echo(other.url) };
  await client.close();
  return result;
}

describe('credential scope', () => {
  it('attaches API keys and Basic credentials to the target and to no other allowed host', async () => {
    const { atTarget, atOther } = await echoes(STATIC);
    expect(atTarget.headers[C.apiKeyHeader.toLowerCase()]).toBe(C.apiKey);
    expect(atTarget.headers.authorization).toMatch(/^Basic /);
    expect(atTarget.url).toBe(`/echo?q=1&${C.apiKeyQuery}=${C.apiKey}`);
    expect(atOther.headers[C.apiKeyHeader.toLowerCase()]).toBeUndefined();
    expect(atOther.headers.authorization).toBeUndefined();
    expect(atOther.url).toBe('/echo?q=1');
  });

  it('fetches the OAuth2 token from another allowed host but sends it to the target only', async () => {
    const oauth2: AuthConfig = {
      scheme: 'oauth2',
      tokenUrl: `${other.url}/oauth/token`,
      clientId: C.clientId,
      clientSecret: C.clientSecret,
      scopes: [],
    };
    const before = other.tokenRequests.length;
    const { atTarget, atOther } = await echoes([oauth2]);
    expect(other.tokenRequests.length - before).toBe(1);
    expect(atTarget.headers.authorization).toMatch(/^Bearer kf-token-/);
    expect(atOther.headers.authorization).toBeUndefined();
  });

  it('takes the target to be the first entry, a portless entry standing for the default port', () => {
    const allowlist = createAllowlist(['api.example.org', 'cdn.example.org', '127.0.0.1:8080']);
    expect(allowlist.isTarget(new URL('https://api.example.org/v2/items'))).toBe(true);
    expect(allowlist.isTarget(new URL('http://API.example.org./'))).toBe(true);
    expect(allowlist.isTarget(new URL('https://api.example.org:8443/'))).toBe(false);
    expect(allowlist.isTarget(new URL('https://cdn.example.org/'))).toBe(false);
    expect(createAllowlist(['127.0.0.1:8080']).isTarget(new URL('http://127.0.0.1:8081/'))).toBe(false);
    expect(createAllowlist([]).isTarget(new URL('http://127.0.0.1/'))).toBe(false);
  });
});
