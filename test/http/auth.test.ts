import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { startAuthServer, type AuthServer } from '../../fixtures/auth/server.js';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import type { AuthConfig } from '../../src/http/types.js';
import { get, testClient } from './helpers.js';

let server: AuthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(tokenLifetimeSeconds?: number): Promise<AuthServer> {
  server = await startAuthServer(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds });
  return server;
}

function oauth(url: string, clientSecret: string = C.clientSecret): AuthConfig {
  return { scheme: 'oauth2', tokenUrl: `${url}/oauth/token`, clientId: C.clientId, clientSecret, scopes: [...C.scopes] };
}

const STATIC_SCHEMES: Array<[string, AuthConfig]> = [
  ['/api-key-header', { scheme: 'apiKey', in: 'header', name: C.apiKeyHeader, value: C.apiKey }],
  ['/api-key-query', { scheme: 'apiKey', in: 'query', name: C.apiKeyQuery, value: C.apiKey }],
  ['/bearer', { scheme: 'bearer', token: C.bearerToken }],
  ['/basic', { scheme: 'basic', username: C.username, password: C.password }],
];

describe.each(STATIC_SCHEMES)('%s', (path, config) => {
  it('is answered 200 with the credentials attached', async () => {
    const { url } = await start();
    const { client } = testClient([url], { auth: [config] });
    expect((await client.send(get(`${url}${path}?other=a%20b`))).status).toBe(200);
    await client.close();
  });

  it('is answered 401 with authenticate: false, and without credentials configured', async () => {
    const { url } = await start();
    const { client } = testClient([url], { auth: [config] });
    expect((await client.send({ ...get(`${url}${path}`), authenticate: false })).status).toBe(401);
    const { client: anonymous } = testClient([url]);
    expect((await anonymous.send(get(`${url}${path}`))).status).toBe(401);
    await client.close();
    await anonymous.close();
  });
});

describe('OAuth 2.0 client credentials', () => {
  it('fetches a token with HTTP Basic client authentication and space-separated scopes', async () => {
    const auth = await start(60);
    const { client, exchanges } = testClient([auth.url], { auth: [oauth(auth.url)] });
    expect((await client.send(get(`${auth.url}/oauth/resource`))).status).toBe(200);
    expect(auth.tokenRequests).toEqual([{ grantType: 'client_credentials', scope: 'read:items read:stations' }]);
    expect(exchanges.map((exchange) => new URL(exchange.request.url).pathname)).toEqual(['/oauth/token', '/oauth/resource']);
    await client.close();
  });

  it('reuses the token while it is valid, concurrent requests included', async () => {
    const auth = await start(60);
    const { client } = testClient([auth.url], { auth: [oauth(auth.url)] });
    const responses = await Promise.all([1, 2, 3].map(() => client.send(get(`${auth.url}/oauth/resource`))));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(auth.tokenRequests).toHaveLength(1);
    expect(new Set(auth.tokensSeen).size).toBe(1);
    await client.close();
  });

  it('renews the token when expires_in has passed', async () => {
    const auth = await start(1);
    const { client } = testClient([auth.url], { auth: [oauth(auth.url)] });
    expect((await client.send(get(`${auth.url}/oauth/resource`))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await client.send(get(`${auth.url}/oauth/resource`))).status).toBe(200);
    expect(auth.tokenRequests).toHaveLength(2);
    expect(new Set(auth.tokensSeen).size).toBe(2);
    await client.close();
  });

  it('renews the token once on a 401 answer and repeats the request', async () => {
    const auth = await start(60);
    const { client, exchanges } = testClient([auth.url], { auth: [oauth(auth.url)] });
    expect((await client.send(get(`${auth.url}/oauth/resource`))).status).toBe(200);
    auth.revokeTokens();
    expect((await client.send(get(`${auth.url}/oauth/resource`))).status).toBe(200);
    expect(auth.tokenRequests).toHaveLength(2);
    // token, resource, resource (401), token, resource
    expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([200, 200, 401, 200, 200]);
    await client.close();
  });

  it('returns the second 401 when the renewed token is refused as well', async () => {
    const auth = await start(60);
    const { client } = testClient([auth.url], { auth: [oauth(auth.url)] });
    // /bearer accepts only the static bearer token, never an issued one.
    expect((await client.send(get(`${auth.url}/bearer`))).status).toBe(401);
    expect(auth.tokenRequests).toHaveLength(2);
    await client.close();
  });

  it('does not renew static credentials on 401', async () => {
    const auth = await start();
    const { client, exchanges } = testClient([auth.url], { auth: [{ scheme: 'bearer', token: 'wrong' }] });
    expect((await client.send(get(`${auth.url}/bearer`))).status).toBe(401);
    expect(exchanges).toHaveLength(1);
    await client.close();
  });

  it('raises AUTH_INVALID when the token endpoint refuses the client', async () => {
    const auth = await start();
    const { client, exchanges } = testClient([auth.url], { auth: [oauth(auth.url, 'wrong-secret')] });
    const error = await client.send(get(`${auth.url}/oauth/resource`)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KonformError);
    expect((error as KonformError).code).toBe(ERROR_CODES.AUTH_INVALID);
    expect((error as KonformError).message).toMatch(/401.*invalid_client/);
    expect(exchanges).toHaveLength(1);
    await client.close();
  });
});
