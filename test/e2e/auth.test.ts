/**
 * Whole runs of the built CLI against the auth fixture servers, one per scheme, secrets from
 * environment variables and from files: each run authenticates (the undocumented 401 never
 * comes), and no secret, in any form it travels in, reaches a file of the output folder or
 * the console. A wrong secret is never a pass; a missing one is a usage error.
 */
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { readTestCertificates, startMtlsServer } from '../../fixtures/auth/mtls-server.js';
import { startAuthServer, type AuthServer } from '../../fixtures/auth/server.js';
import type { Listening } from '../../fixtures/hostile/listen.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { basicCredentials, formEncode, oauthClientCredentials } from '../../src/http/credential-encoding.js';
import { REDACTED } from '../../src/http/redaction.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { authRun, konformRun, scratch, secretFile, type AuthRun } from './auth-runs.js';

const CERTS = join(PACKAGE_ROOT, 'fixtures', 'auth', 'certs');
const clientKeyLines = readTestCertificates().clientKey.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));

/** Every form a secret travels in: raw, URL- and form-encoded, inside HTTP Basic. */
const SECRETS = [
  ...[C.apiKey, C.bearerToken, C.password, C.clientSecret].flatMap((secret) => [secret, encodeURIComponent(secret), formEncode(secret)]),
  basicCredentials(C.username, C.password),
  oauthClientCredentials(C.clientId, C.clientSecret),
  ...clientKeyLines,
  'PRIVATE KEY',
];
/** Shape of the access tokens the fixture issues. */
const ISSUED_TOKEN = /kf-token-[0-9a-f]{8,}/;

let auth: AuthServer;
let mtls: Listening;
beforeAll(async () => {
  [auth, mtls] = await Promise.all([startAuthServer({ tokenLifetimeSeconds: 2 }), startMtlsServer()]);
});
afterAll(() => Promise.all([auth.close(), mtls.close(), rm(scratch, { recursive: true, force: true })]));

async function expectNoSecretAnywhere({ out, cli }: AuthRun): Promise<void> {
  const files = await readdir(out);
  expect(files.sort()).toEqual(['journal.jsonl', ...Object.values(REPORT_FORMATS).map((format) => format.file)].sort());
  const texts = [cli.stdout, cli.stderr, ...(await Promise.all(files.map((file) => readFile(join(out, file), 'utf8'))))];
  for (const text of texts) {
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(ISSUED_TOKEN);
  }
}

/** Conformant: every documented answer (only 200 is documented) came, with the credentials redacted in the evidence. */
function expectAuthenticated({ cli, report }: AuthRun, echoed: boolean): void {
  expect(cli.stderr).not.toMatch(/konform:/);
  expect(cli.code).toBe(0);
  expect(report.verdict).toBe('conformant');
  const evidence = new Set(report.results.flatMap((result) => result.evidence));
  const used = report.exchanges.filter((exchange) => evidence.has(exchange.id));
  expect(used.length).toBeGreaterThan(0);
  for (const exchange of used) expect(exchange.response?.status).toBe(200);
  if (!echoed) return;
  // /echo reflected the credentials in its body: they reached the evidence and were redacted there.
  const echo = used.find((exchange) => new URL(exchange.request.url).pathname === '/echo');
  expect(echo?.response?.bodyExcerpt).toContain(REDACTED);
}

describe('authenticated runs through the CLI', () => {
  it('API key in a header, from an environment variable', async () => {
    const run = await authRun(auth.url, ['/api-key-header', '/echo'], ['--auth-apikey-name', C.apiKeyHeader, '--auth-apikey-in', 'header', '--auth-apikey-env', 'KF_API_KEY'], { KF_API_KEY: C.apiKey });
    expectAuthenticated(run, true);
    await expectNoSecretAnywhere(run);
  });

  it('API key in the query, from a file', async () => {
    const file = await secretFile('api-key', C.apiKey);
    const run = await authRun(auth.url, ['/api-key-query', '/echo'], ['--auth-apikey-name', C.apiKeyQuery, '--auth-apikey-in', 'query', '--auth-apikey-file', file]);
    expectAuthenticated(run, true);
    for (const exchange of run.report.exchanges) expect(exchange.request.url).toContain(`${C.apiKeyQuery}=${REDACTED}`);
    await expectNoSecretAnywhere(run);
  });

  it('bearer token, from a file', async () => {
    const run = await authRun(auth.url, ['/bearer', '/echo'], ['--auth-bearer-file', await secretFile('bearer', C.bearerToken)]);
    expectAuthenticated(run, true);
    await expectNoSecretAnywhere(run);
  });

  it('HTTP Basic, the password from an environment variable', async () => {
    const run = await authRun(auth.url, ['/basic', '/echo'], ['--auth-basic-user', C.username, '--auth-basic-password-env', 'KF_PASSWORD'], { KF_PASSWORD: C.password });
    expectAuthenticated(run, true);
    await expectNoSecretAnywhere(run);
  });

  it('OAuth2 client credentials, renewing the token during the run', async () => {
    const before = auth.tokenRequests.length;
    // One request per second, one at a time: the 2 s tokens run out before the last request.
    const oauth = ['--auth-oauth2-token-url', `${auth.url}/oauth/token`, '--auth-oauth2-client-id', C.clientId, '--auth-oauth2-scope', ...C.scopes];
    const run = await authRun(auth.url, ['/oauth/resource', '/echo'], [...oauth, '--auth-oauth2-secret-env', 'KF_SECRET', '--concurrency', '1', '--rate', '1'], { KF_SECRET: C.clientSecret });
    expectAuthenticated(run, true);
    expect(auth.tokenRequests.length - before).toBeGreaterThanOrEqual(2);
    expect(run.report.exchanges.filter((exchange) => exchange.request.url.endsWith('/oauth/token')).length).toBeGreaterThanOrEqual(2);
    await expectNoSecretAnywhere(run);
  });

  it('mutual TLS with the test CA', async () => {
    const tls = ['--auth-client-cert', join(CERTS, 'client.crt'), '--auth-client-key', join(CERTS, 'client.key'), '--auth-ca', join(CERTS, 'ca.crt')];
    const run = await authRun(mtls.url, ['/client-certificate'], tls);
    expectAuthenticated(run, false);
    expect(run.report.exchanges[0]?.response?.bodyExcerpt).toBe('{"client":"konform-test-client"}');
    await expectNoSecretAnywhere(run);
  });
});

describe('refused and missing credentials', () => {
  it('a wrong bearer token leaves the checks of the 401 answer undecided (needs credentials), and its value stays out of the output', async () => {
    const wrong = 'kf-wrong-bearer-4a1f';
    const run = await authRun(auth.url, ['/bearer'], ['--auth-bearer-env', 'KF_TOKEN'], { KF_TOKEN: wrong });
    expect(run.cli.code).toBe(3);
    expect(run.report.verdict).toBe('inconclusive');
    // The 401 answers a request that did not satisfy the security requirement: evidence of the security only.
    for (const check of ['status-documented', 'content-type-documented', 'body-schema', 'required-headers', 'no-server-error']) {
      const result = run.report.results.find((candidate) => candidate.id === `${check}/getBearer`);
      expect(result).toMatchObject({ outcome: 'cantTell', findings: [{ code: 'needs-credentials', params: { status: 401 } }] });
    }
    expect(JSON.stringify(run.report)).not.toContain(wrong);
  });

  it('a wrong OAuth2 client secret leaves every request undecided: cantTell, exit 3', async () => {
    const oauth = ['--auth-oauth2-token-url', `${auth.url}/oauth/token`, '--auth-oauth2-client-id', C.clientId];
    const run = await authRun(auth.url, ['/oauth/resource'], [...oauth, '--auth-oauth2-secret-env', 'KF_SECRET'], { KF_SECRET: 'kf-wrong-secret' });
    expect(run.cli.code).toBe(3);
    const answered = run.report.results.filter((result) => result.check !== 'document');
    expect(answered.map((result) => result.outcome)).toEqual(answered.map(() => 'cantTell'));
    expect(answered[0]?.findings[0]?.message).toMatch(/invalid_client/);
  });

  it('a secret variable that is not set is a usage error naming it (exit 2), and nothing is run', async () => {
    const requestsBefore = auth.tokenRequests.length;
    const { cli, out } = await konformRun(auth.url, ['/bearer'], ['--auth-bearer-env', 'KF_UNSET_SECRET']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('environment variable KF_UNSET_SECRET is not set');
    await expect(access(out)).rejects.toThrow();
    expect(auth.tokenRequests.length).toBe(requestsBefore);
  });
});
