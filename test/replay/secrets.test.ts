/**
 * The recording of a run whose secrets are short and occur everywhere (the secrets battery of
 * test/e2e/hostile-secrets.test.ts), sent to a server that echoes them in headers, bodies and
 * Content-Types: exchanges.har stays a valid HAR 1.2 log and holds no echo of the secret, in
 * whatever part of an entry the server put it.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../fixtures/hostile/listen.js';
import type { AuthConfig } from '../../src/http/types.js';
import { readRecording } from '../../src/replay/har-reader.js';
import { run } from '../../src/run/run.js';
import { API_KEY_HEADER, API_KEY_QUERY, echoDocument, echoed, startSecretEchoServer } from '../e2e/secret-echo-server.js';

const SHORT_SECRETS = ['test', 'true', '200', 'x', 'a', '1', 'passed', 'status', 'konform', 'log', 'entries'];
const AS: Array<(secret: string) => AuthConfig> = [
  (token) => ({ scheme: 'bearer', token }),
  (password) => ({ scheme: 'basic', username: 'user', password }),
  (value) => ({ scheme: 'apiKey', in: 'header', name: API_KEY_HEADER, value }),
  (value) => ({ scheme: 'apiKey', in: 'query', name: API_KEY_QUERY, value }),
];

const scratch = await mkdtemp(join(tmpdir(), 'konform-replay-secrets-'));
const spec = join(scratch, 'openapi.json');
let server: Listening;
let runs = 0;

beforeAll(async () => {
  await writeFile(spec, JSON.stringify(echoDocument));
  server = await startSecretEchoServer();
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

/** The recording's text, after it was read back as a HAR 1.2 log (har-reader.ts checks it against the schemas). */
async function recordedWith(auth: AuthConfig[]): Promise<string> {
  const out = join(scratch, `run-${++runs}`);
  await run({ suite: 'openapi-contract', profile: 'responses', target: { url: server.url, spec }, auth, out, record: true });
  const path = join(out, 'exchanges.har');
  expect((await readRecording(path)).entries.length).toBeGreaterThan(0);
  return readFile(path, 'utf8');
}

describe('the recording of short secrets echoed by the server', () => {
  it('without credentials, the echo (of nothing) is in the recording: what a recording with a secret must not hold', async () => {
    expect(await recordedWith([])).toContain(JSON.stringify(echoed('')).slice(1, -1));
  });

  it.each(SHORT_SECRETS.map((secret, index) => [secret, index % AS.length] as const))('secret %j (scheme %i): a valid HAR, no echo left', async (secret, scheme) => {
    const text = await recordedWith([AS[scheme]!(secret)]);
    expect(text).not.toContain(echoed(secret));
    expect(text).not.toContain(JSON.stringify(echoed(secret)).slice(1, -1));
    expect(text).toContain(echoed('[REDACTED]'));
  });
});
