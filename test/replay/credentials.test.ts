/**
 * Runs with credentials, recorded and replayed: the recording holds no secret (the credentials
 * and the OAuth2 tokens the run fetched are redacted), and the replay, which knows no secret,
 * sends stand-ins where the recording shows the redacted values, its OAuth2 token requests
 * included, and gives the recorded results and requirements.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { startAuthServer } from '../../fixtures/auth/server.js';
import type { Har } from '../../src/replay/har.js';
import { authRun, scratch } from '../e2e/auth-runs.js';
import { judged, replay } from './record-and-replay.js';

afterAll(() => rm(scratch, { recursive: true, force: true }));

const SECRETS = [C.apiKey, C.bearerToken, C.password, C.clientSecret, encodeURIComponent(C.password), encodeURIComponent(C.clientSecret)];
const ISSUED_TOKEN = /kf-token-[0-9a-f]{8,}/;
const OAUTH = ['--auth-oauth2-token-url', '{url}/oauth/token', '--auth-oauth2-client-id', C.clientId, '--auth-oauth2-scope', ...C.scopes, '--auth-oauth2-secret-env', 'KF_SECRET'];

const CASES: Array<[string, string[], string[], number]> = [
  ['API key in a header', ['/api-key-header', '/echo'], ['--auth-apikey-name', C.apiKeyHeader, '--auth-apikey-in', 'header', '--auth-apikey-env', 'KF_API_KEY'], 60],
  ['API key in the query', ['/api-key-query', '/echo'], ['--auth-apikey-name', C.apiKeyQuery, '--auth-apikey-in', 'query', '--auth-apikey-env', 'KF_API_KEY'], 60],
  ['bearer token', ['/bearer', '/echo'], ['--auth-bearer-env', 'KF_BEARER'], 60],
  ['HTTP Basic', ['/basic', '/echo'], ['--auth-basic-user', C.username, '--auth-basic-password-env', 'KF_PASSWORD'], 60],
  ['OAuth2 client credentials', ['/oauth/resource', '/echo'], OAUTH, 60],
  // One request per second, one at a time: the 2 s tokens run out and are renewed during the run.
  ['OAuth2, its tokens renewed during the run', ['/oauth/resource', '/echo'], [...OAUTH, '--concurrency', '1', '--rate', '1'], 2],
];

describe('runs with credentials, recorded and replayed', () => {
  it.each(CASES)('%s', async (_name, paths, flags, tokenLifetimeSeconds) => {
    const server = await startAuthServer({ tokenLifetimeSeconds });
    const env = { KF_API_KEY: C.apiKey, KF_BEARER: C.bearerToken, KF_PASSWORD: C.password, KF_SECRET: C.clientSecret };
    let recorded: Awaited<ReturnType<typeof authRun>>;
    try {
      recorded = await authRun(server.url, paths, [...flags.map((flag) => flag.replace('{url}', server.url)), '--record'], env);
    } finally {
      await server.close();
    }
    expect(recorded.cli.code, recorded.cli.stderr).toBe(0);
    const text = await readFile(join(recorded.out, 'exchanges.har'), 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(ISSUED_TOKEN);
    const har = JSON.parse(text) as Har;
    expect(har.log.entries.length).toBeGreaterThan(0);

    const replayed = await replay(recorded.out, join(recorded.out, '..', 'replayed'));
    expect(judged(replayed.report)).toEqual(judged(recorded.report));
    expect(replayed.report.verdict).toBe('conformant');
    if (!flags.includes('--auth-oauth2-token-url')) return;
    // The token requests are in the recording, and the replay's are answered from it.
    const tokens = har.log.entries.filter((entry) => entry.request.url.endsWith('/oauth/token') && entry.response.status === 200);
    expect(tokens.length).toBeGreaterThanOrEqual(tokenLifetimeSeconds < 60 ? 2 : 1);
    expect(replayed.report.exchanges.some((exchange) => exchange.request.url.endsWith('/oauth/token') && exchange.response?.status === 200)).toBe(true);
  });
});
