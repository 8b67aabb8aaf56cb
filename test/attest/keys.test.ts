import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateKeyPair, signingKeyFromPem, verifyingKeyFromPem } from '../../src/attest/keys.js';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';

const pair = generateKeyPair();
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
const encrypted = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pass' }).toString();

function refusal(load: () => unknown): KonformError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(KonformError);
    return error as KonformError;
  }
  throw new Error('the key was accepted');
}

describe('signing keys', () => {
  it('loads the private key keygen writes, named by its public fingerprint', () => {
    expect(signingKeyFromPem(pair.privatePem, 'test').signer).toEqual({ keyid: pair.keyid, algorithm: 'ed25519' });
  });

  it.each([
    ['a public key', pair.publicPem, 'does not hold a private key'],
    ['text that is no key', 'hunter2-not-a-key', 'does not hold a private key'],
    ['an RSA key', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'holds a key of type rsa'],
    ['an encrypted key', encrypted, 'holds an encrypted private key'],
  ])('refuses %s with KEY_INVALID, naming where it came from and never what it holds', (_what, pem, message) => {
    const error = refusal(() => signingKeyFromPem(pem, 'the environment variable SIGNING_KEY'));
    expect(error.code).toBe(ERROR_CODES.KEY_INVALID);
    expect(error.message).toContain('the environment variable SIGNING_KEY');
    expect(error.message).toContain(message);
    for (const line of pem.split('\n').filter((text) => text.length > 8 && !text.startsWith('-----'))) expect(error.message).not.toContain(line);
  });
});

describe('verifying keys', () => {
  it('loads the public key keygen writes, with the same fingerprint', () => {
    expect(verifyingKeyFromPem(pair.publicPem, 'test').keyid).toBe(pair.keyid);
  });

  it.each([
    ['a private key', pair.privatePem, 'it holds a private key, which stays with the signer'],
    ['an RSA public key', rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'holds a key of type rsa'],
    ['a mangled key', pair.publicPem.replace(/\n[A-Za-z0-9+/]{8}/, '\n!!!!!!!!'), 'does not hold a readable public key'],
  ])('refuses %s with KEY_INVALID', (_what, pem, message) => {
    const error = refusal(() => verifyingKeyFromPem(pem, 'public.pem'));
    expect(error.code).toBe(ERROR_CODES.KEY_INVALID);
    expect(error.message).toContain(message);
  });
});
