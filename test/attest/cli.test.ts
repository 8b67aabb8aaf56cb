/**
 * Signed reports from the command line, as a city and a vendor use them: keygen, a validation
 * signed with --sign-key (or --sign-key-env), verify, and verify again after tampering.
 */
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../../fixtures/hostile/listen.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli } from '../helpers/cli.js';

const MESSAGE = join('fixtures', 'xoev', 'xwasser', 'administration_receipt.xml');

let dir: string;
let keys: string;
let privatePem: string;
let fingerprint: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-attest-cli-'));
  keys = join(dir, 'keys');
  const keygen = await runCli(['keygen', '--out', keys]);
  expect(keygen.stderr).toBe('');
  expect(keygen.code).toBe(0);
  fingerprint = /fingerprint: ([0-9a-f]{64})/.exec(keygen.stdout)![1]!;
  privatePem = await readFile(join(keys, 'private.pem'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Every line of the key's base64 body: none of them may appear anywhere konform writes. */
const keyLines = (): string[] => privatePem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));

describe('konform keygen', () => {
  it('writes a private key only its owner can read, and a public key', async () => {
    expect((await stat(join(keys, 'private.pem'))).mode & 0o777).toBe(0o600);
    expect(privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(await readFile(join(keys, 'public.pem'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('refuses to replace a key pair (exit 2) unless --force, which writes the private key 0600 again', async () => {
    const again = await runCli(['keygen', '--out', keys]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already there');
    expect(await readFile(join(keys, 'private.pem'), 'utf8')).toBe(privatePem);

    const other = join(dir, 'other-keys');
    expect((await runCli(['keygen', '--out', other])).code).toBe(0);
    await chmod(join(other, 'private.pem'), 0o644);
    const forced = await runCli(['keygen', '--out', other, '--force']);
    expect(forced.code).toBe(0);
    expect((await stat(join(other, 'private.pem'))).mode & 0o777).toBe(0o600);
  });
});

describe('a signed validation', () => {
  let out: string;
  let validation: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    out = join(dir, 'signed');
    validation = await runCli(['validate', 'xwasser-1.0', MESSAGE, '--out', out, '--sign-key', join(keys, 'private.pem')]);
  });

  it('writes attestation.json beside the reports, covering every other file, and names the signer in report.json', async () => {
    expect(validation.code).toBe(1);
    expect(validation.stdout).toContain(join(out, 'attestation.json'));
    const files = (await readdir(out)).sort();
    expect(files).toEqual(expect.arrayContaining(['attestation.json', 'journal.jsonl', 'junit.xml', 'report.json', 'summary.md']));
    const envelope = JSON.parse(await readFile(join(out, 'attestation.json'), 'utf8')) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as { subject: Array<{ name: string }> };
    expect(statement.subject.map((subject) => subject.name)).toEqual(files.filter((name) => name !== 'attestation.json'));
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.signer).toEqual({ keyid: fingerprint, algorithm: 'ed25519' });
    expect(validateReport(report)).toEqual([]);
  });

  it('never writes the private key: not in any file of the folder, not on the terminal', async () => {
    const written = [validation.stdout, validation.stderr];
    for (const name of await readdir(out)) written.push(await readFile(join(out, name), 'utf8'));
    for (const text of written) for (const line of keyLines()) expect(text).not.toContain(line);
  });

  it('verifies with the public key (exit 0), and fails naming report.json once one byte of it changed (exit 1)', async () => {
    const copy = join(dir, 'tampered');
    await cp(out, copy, { recursive: true });
    const verified = await runCli(['verify', copy, '--key', join(keys, 'public.pem')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain(`verified: ${copy}`);
    expect(verified.stdout).toContain(fingerprint);

    const report = await readFile(join(copy, 'report.json'));
    report[100] = report[100]! ^ 0x20;
    await writeFile(join(copy, 'report.json'), report);
    const tampered = await runCli(['verify', copy, '--key', join(keys, 'public.pem')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/NOT verified.*\nchanged: +report\.json \(sha256/);

    const json = await runCli(['verify', copy, '--key', join(keys, 'public.pem'), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ holds: false, problems: [{ kind: 'changed', file: 'report.json' }] });
  });

  it('fails with another key (exit 1), saying it is not the signer', async () => {
    const other = join(dir, 'other-keys');
    const verified = await runCli(['verify', out, '--key', join(other, 'public.pem')]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('signature:  not signed by the given key');
  });

  it('exits 2 without an attestation, without --key, with an unreadable key or a private key as --key', async () => {
    const unsigned = join(dir, 'unsigned');
    await cp(out, unsigned, { recursive: true });
    await rm(join(unsigned, 'attestation.json'));
    const cases = [
      [['verify', unsigned, '--key', join(keys, 'public.pem')], 'no attestation.json'],
      [['verify', out], "required option '--key <file>'"],
      [['verify', out, '--key', join(dir, 'nothing.pem')], 'KONFORM_ERR_KEY_INVALID'],
      [['verify', out, '--key', join(keys, 'private.pem')], 'holds a private key'],
    ] as const;
    for (const [args, message] of cases) {
      const verified = await runCli([...args]);
      expect(verified.code, args.join(' ')).toBe(2);
      expect(verified.stderr).toContain(message);
    }
  });

  it('exits 2 for a malformed envelope, saying where and what', async () => {
    const broken = join(dir, 'broken');
    await cp(out, broken, { recursive: true });
    await writeFile(join(broken, 'attestation.json'), '{"payloadType": "application/vnd.in-toto+json", "payload": "e30=", "signatures": {}}');
    const verified = await runCli(['verify', broken, '--key', join(keys, 'public.pem')]);
    expect(verified.code).toBe(2);
    expect(verified.stderr).toContain(`KONFORM_ERR_ATTESTATION_INVALID: ${join(broken, 'attestation.json')} at /signatures: must be a JSON array`);
  });
});

describe('--sign-key-env', () => {
  it('signs with the PEM text of an environment variable', async () => {
    const out = join(dir, 'from-env');
    const run = await runCli(['validate', 'xwasser-1.0', MESSAGE, '--out', out, '--sign-key-env', 'KONFORM_TEST_KEY'], { env: { KONFORM_TEST_KEY: privatePem } });
    expect(run.code).toBe(1);
    expect((await runCli(['verify', out, '--key', join(keys, 'public.pem')])).code).toBe(0);
  });

  it('refuses a value that is no key (exit 2) without repeating it', async () => {
    const secret = 'sk-live-0123456789abcdef';
    const run = await runCli(['validate', 'xwasser-1.0', MESSAGE, '--out', join(dir, 'bad-env'), '--sign-key-env', 'KONFORM_TEST_KEY'], { env: { KONFORM_TEST_KEY: secret } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('KONFORM_ERR_KEY_INVALID: the environment variable KONFORM_TEST_KEY does not hold a private key');
    expect(run.stderr + run.stdout).not.toContain(secret);
  });
});

describe('a bad signing key', () => {
  it('ends a run with exit 2 before any request is sent', async () => {
    let requests = 0;
    const server = await listenOnLoopback(createServer((_request, response) => {
      requests += 1;
      response.end('{}');
    }));
    try {
      const out = join(dir, 'bad-key-run');
      const run = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', 'fixtures/pegel-online/openapi.yaml', '--out', out, '--sign-key', join(keys, 'public.pem')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`KONFORM_ERR_KEY_INVALID: the key file ${join(keys, 'public.pem')} does not hold a private key`);
      expect(requests).toBe(0);
      expect(await readdir(out).catch(() => [])).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
