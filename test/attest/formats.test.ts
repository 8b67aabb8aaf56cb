/**
 * attestation.json against the formats it claims: a DSSE v1.0 JSON envelope whose payload is
 * an in-toto Statement v1, checked with the JSON Schemas of fixtures/attestation (written from
 * the specifications, see PROVENANCE.md there), the PAE test vector of DSSE's protocol.md, and
 * the key's fingerprint as OpenSSL computes it.
 */
import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pae } from '../../src/attest/dsse.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { sha256 } from '../../src/core/sha256.js';
import { newKeyPair, readEnvelope, signedFolder, statementOf, type KeyPair } from './helpers.js';
import type { Envelope } from '../../src/attest/dsse.js';

const SCHEMAS = join(PACKAGE_ROOT, 'fixtures', 'attestation');
const schema = async (name: string): Promise<object> => JSON.parse(await readFile(join(SCHEMAS, name), 'utf8')) as object;

let dir: string;
let key: KeyPair;
let envelope: Envelope;
let validateEnvelope: ReturnType<Ajv2020['compile']>;
let validateStatement: ReturnType<Ajv2020['compile']>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-attest-formats-'));
  key = newKeyPair();
  await signedFolder(join(dir, 'out'), key.signing);
  envelope = await readEnvelope(join(dir, 'out'));
  // Not strict: ajv's strict mode refuses `required` inside `anyOf` without `properties` beside it, which JSON Schema allows.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  validateEnvelope = ajv.compile(await schema('dsse-envelope.schema.json'));
  validateStatement = ajv.compile(await schema('in-toto-statement-v1.schema.json'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attestation.json', () => {
  it('is a DSSE JSON envelope', () => {
    expect(validateEnvelope(envelope), JSON.stringify(validateEnvelope.errors)).toBe(true);
  });

  it('carries an in-toto Statement v1 as its payload, with the in-toto payload type', () => {
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    const statement = statementOf(envelope);
    expect(validateStatement(statement), JSON.stringify(validateStatement.errors)).toBe(true);
    expect(statement.predicateType).toBe('https://konform.dev/attestation/run/v1');
  });

  it('is signed with Ed25519 over the PAE of payload type and payload, by the key its keyid names', () => {
    const [signature] = envelope.signatures;
    const signed = pae(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
    expect(verify(null, signed, createPublicKey(key.publicPem), Buffer.from(signature!.sig, 'base64'))).toBe(true);
    expect(signature!.keyid).toBe(key.signing.signer.keyid);
  });

  it('names the key by the sha256 of its SubjectPublicKeyInfo, as openssl computes it', async () => {
    const pem = join(dir, 'public.pem');
    await writeFile(pem, key.publicPem);
    const der = spawnSync('openssl', ['pkey', '-pubin', '-in', pem, '-outform', 'DER']);
    expect(der.status).toBe(0);
    expect(key.signing.signer.keyid).toBe(sha256(der.stdout));
  });
});

describe('DSSE pre-authentication encoding', () => {
  it('matches the test vector of protocol.md', () => {
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters', () => {
    expect(pae('t', Buffer.from('Prüfung')).toString()).toBe('DSSEv1 1 t 8 Prüfung');
  });
});

describe('the format schemas', () => {
  it('are valid JSON Schemas 2020-12 that refuse what the specifications forbid', () => {
    const statement = statementOf(envelope);
    const withoutDigest = { ...statement, subject: [{ name: 'report.json' }] };
    const upperHex = { ...statement, subject: [{ name: 'report.json', digest: { sha256: 'A'.repeat(64) } }] };
    expect(validateEnvelope({ payload: envelope.payload, payloadType: envelope.payloadType })).toBe(false);
    expect(validateEnvelope({ ...envelope, signatures: [{ keyid: 'k' }] })).toBe(false);
    expect(validateStatement(withoutDigest)).toBe(false);
    expect(validateStatement(upperHex)).toBe(false);
    expect(validateStatement({ ...statement, subject: [] })).toBe(false);
    expect(validateStatement({ ...statement, predicateType: 'HTTPS://Konform.dev/x' })).toBe(false);
  });

  it('are pinned by their sha256 in PROVENANCE.md', async () => {
    const provenance = await readFile(join(SCHEMAS, 'PROVENANCE.md'), 'utf8');
    for (const name of ['dsse-envelope.schema.json', 'in-toto-statement-v1.schema.json']) {
      expect(provenance).toContain(`${sha256(await readFile(join(SCHEMAS, name)))}  ${name}`);
    }
  });
});
