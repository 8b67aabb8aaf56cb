import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signFolder } from '../../src/attest/sign-folder.js';
import { claimOutputFolder } from '../../src/report/output-folder.js';
import { verifyFolder } from '../../src/attest/verify-folder.js';
import { sha256 } from '../../src/core/sha256.js';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { sampleReport } from '../helpers/sample-report.js';
import { newKeyPair, readEnvelope, rewriteEnvelope, signedFolder, statementOf, type KeyPair } from './helpers.js';

/** The files konform wrote into `out` (the report formats, however many), the journal and a screenshot in a subfolder. */
async function signedFiles(): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(out.length + 1));
  return files.filter((name) => name !== 'attestation.json').sort();
}

let dir: string;
let out: string;
let key: KeyPair;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-attest-'));
  out = join(dir, 'out');
  key = newKeyPair();
  await signedFolder(out, key.signing);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function flipOneByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = bytes[middle]! ^ 0x01;
  await writeFile(file, bytes);
}

async function thrown(promise: Promise<unknown>): Promise<KonformError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(KonformError);
  return error as KonformError;
}

describe('signFolder', () => {
  it('attests every file of the folder by its relative path and sha256, the attestation itself excepted', async () => {
    const statement = statementOf(await readEnvelope(out));
    const files = await signedFiles();
    expect(files).toEqual(expect.arrayContaining(['journal.jsonl', 'junit.xml', 'report.json', 'screens/first.png', 'summary.md']));
    expect(statement.subject.map((subject) => subject.name)).toEqual(files);
    for (const subject of statement.subject) expect(subject.digest.sha256).toBe(sha256(await readFile(join(out, subject.name))));
  });

  it('describes the run in the predicate: tool, suite and standard with their hashes, target, profile, outcome', async () => {
    const report = sampleReport();
    const { predicate } = statementOf(await readEnvelope(out));
    expect(predicate).toEqual({
      tool: report.tool,
      suite: report.suite,
      standard: report.standard,
      target: { url: report.target.url, spec: { path: 'vendor/openapi.yaml', sha256: report.target.spec!.sha256 } },
      profile: { id: 'full', classes: ['core', 'files'] },
      verdict: 'notConformant',
      exitCode: 1,
      counts: report.counts,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
      complete: true,
    });
  });

  it('lists the input files of a validation with their sha256, and says which could not be read', async () => {
    const input = join(dir, 'invoice.xml');
    await writeFile(input, '<Invoice/>');
    const report = sampleReport();
    report.target = { files: [input, join(dir, 'gone.xml')], allowedHosts: [] };
    const folder = join(dir, 'validation');
    await signedFolder(folder, key.signing, report);
    expect(statementOf(await readEnvelope(folder)).predicate.target).toEqual({
      files: [
        { path: input, sha256: sha256('<Invoice/>') },
        { path: join(dir, 'gone.xml'), error: expect.stringContaining('ENOENT') },
      ],
    });
  });

  it('refuses to sign for a report that names another signer', async () => {
    const report = sampleReport();
    report.signer = newKeyPair().signing.signer;
    expect((await thrown(signFolder(out, report, key.signing))).code).toBe(ERROR_CODES.USAGE);
  });
});

describe('verifyFolder', () => {
  it('holds for the folder as it was signed', async () => {
    const verification = await verifyFolder(out, key.verifying);
    const files = (await signedFiles()).length;
    expect(verification).toMatchObject({ holds: true, problems: [], subjects: files, filesHeld: files, keyid: key.signing.signer.keyid });
    expect(verification.predicate.verdict).toBe('notConformant');
  });

  it('fails on one changed byte in report.json, naming the file and both hashes', async () => {
    const attested = sha256(await readFile(join(out, 'report.json')));
    await flipOneByte(join(out, 'report.json'));
    const verification = await verifyFolder(out, key.verifying);
    expect(verification.holds).toBe(false);
    expect(verification.problems).toEqual([
      { kind: 'changed', file: 'report.json', expected: attested, found: sha256(await readFile(join(out, 'report.json'))) },
    ]);
    expect(verification.filesHeld).toBe((await signedFiles()).length - 1);
  });

  it('fails with a different key, saying the folder was not signed by it', async () => {
    const other = newKeyPair();
    const verification = await verifyFolder(out, other.verifying);
    expect(verification.holds).toBe(false);
    expect(verification.problems).toEqual([{ kind: 'signature', message: expect.stringContaining(`not signed by the given key (${other.verifying.keyid})`) }]);
    expect(verification.problems[0]).toMatchObject({ message: expect.stringContaining(key.signing.signer.keyid) });
  });

  it('fails when the statement was changed after signing, even to match a changed file', async () => {
    await writeFile(join(out, 'summary.md'), '# all passed\n');
    await rewriteEnvelope(out, (envelope) => {
      const statement = statementOf(envelope);
      statement.subject.find((subject) => subject.name === 'summary.md')!.digest.sha256 = sha256('# all passed\n');
      envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    });
    const verification = await verifyFolder(out, key.verifying);
    expect(verification.problems).toEqual([{ kind: 'signature', message: expect.stringContaining('changed after it was signed') }]);
  });

  it('fails for a file added and a file removed, naming each', async () => {
    await writeFile(join(out, 'screens', 'later.png'), 'x');
    await rm(join(out, 'junit.xml'));
    const verification = await verifyFolder(out, key.verifying);
    expect(verification.problems).toEqual([
      { kind: 'missing', file: 'junit.xml', expected: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { kind: 'unexpected', file: 'screens/later.png' },
    ]);
  });

  it('accepts URL-safe base64, as DSSE verifiers must', async () => {
    await rewriteEnvelope(out, (envelope) => {
      envelope.payload = Buffer.from(envelope.payload, 'base64').toString('base64url');
      envelope.signatures[0]!.sig = Buffer.from(envelope.signatures[0]!.sig, 'base64').toString('base64url');
    });
    expect((await verifyFolder(out, key.verifying)).holds).toBe(true);
  });

  it('holds when one of several signatures is by the given key, whatever the keyids say', async () => {
    await rewriteEnvelope(out, (envelope) => {
      const [signature] = envelope.signatures;
      envelope.signatures = [{ keyid: signature!.keyid, sig: Buffer.alloc(64).toString('base64') }, { keyid: 'someone', sig: signature!.sig }];
    });
    expect((await verifyFolder(out, key.verifying)).holds).toBe(true);
  });

  it('refuses a folder without an attestation (USAGE)', async () => {
    await rm(join(out, 'attestation.json'));
    const error = await thrown(verifyFolder(out, key.verifying));
    expect(error.code).toBe(ERROR_CODES.USAGE);
    expect(error.message).toContain('no attestation.json');
  });

  it.each([
    ['not JSON', () => '{"payload": ', '', 'not JSON'],
    ['a signature without sig', (text: string) => text.replace(/"sig": ?"[^"]*"/, '"sag":"x"'), '/signatures/0/sig', 'must be a string'],
    ['a sig that is not base64', (text: string) => text.replace(/"sig": ?"[^"]*"/, '"sig":"no base64!"'), '/signatures/0/sig', 'must be base64'],
    ['another payload type', (text: string) => text.replace('application/vnd.in-toto+json', 'application/json'), '/payloadType', 'must be application/vnd.in-toto+json'],
  ])('refuses a malformed envelope, saying where and what: %s', async (_what, change, pointer, message) => {
    const file = join(out, 'attestation.json');
    await writeFile(file, change(await readFile(file, 'utf8')));
    const error = await thrown(verifyFolder(out, key.verifying));
    expect(error.code).toBe(ERROR_CODES.ATTESTATION_INVALID);
    expect(error.location).toEqual({ file, pointer });
    expect(error.message).toContain(message);
  });

  it('refuses a statement that is not a konform run attestation, saying where in it', async () => {
    await rewriteEnvelope(out, (envelope) => {
      const statement = statementOf(envelope) as unknown as { subject: Array<{ digest: object }> };
      statement.subject[2]!.digest = { sha1: 'a'.repeat(40) };
      envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    });
    const error = await thrown(verifyFolder(out, key.verifying));
    expect(error.code).toBe(ERROR_CODES.ATTESTATION_INVALID);
    expect(error.describe()).toMatch(/attestation\.json \(the statement in \/payload\) at \/subject\/2\/digest\/sha256: must be a sha256/);
  });
});

describe('the attestation in the output folder of a later run', () => {
  it('marks the folder as an earlier run\'s, and is removed with --force, so that no stale attestation outlives its run', async () => {
    const onlySigned = join(dir, 'only-attestation');
    await signedFolder(onlySigned, key.signing);
    for (const name of await signedFiles()) await rm(join(onlySigned, name), { force: true });
    const refused = await thrown(claimOutputFolder(onlySigned, false));
    expect(refused.message).toContain('(attestation.json)');
    await claimOutputFolder(onlySigned, true);
    await expect(access(join(onlySigned, 'attestation.json'))).rejects.toThrow();
  });
});
