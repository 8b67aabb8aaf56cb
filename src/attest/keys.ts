/**
 * Ed25519 keys (RFC 8032) for signing output folders: a private key as PKCS#8 PEM (RFC 5208,
 * 5958), a public key as SubjectPublicKeyInfo PEM (RFC 5280 §4.1.2.7, RFC 8410). A key is
 * named by its fingerprint, the sha256 of its SubjectPublicKeyInfo DER, which is what
 * `openssl pkey -pubin -outform DER | sha256sum` prints. Errors never quote the key text.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sha256 } from '../core/sha256.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Signer } from '../model/report.js';

export interface SigningKey {
  privateKey: KeyObject;
  signer: Signer;
}

export interface VerifyingKey {
  publicKey: KeyObject;
  keyid: string;
}

/** The fingerprint of a public key: sha256 of its SubjectPublicKeyInfo DER, lowercase hex. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256(publicKey.export({ type: 'spki', format: 'der' }));
}

function keyError(message: string): KonformError {
  return new KonformError(ERROR_CODES.KEY_INVALID, message);
}

function requireEd25519(key: KeyObject, origin: string): void {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw keyError(`${origin} holds a key of type ${key.asymmetricKeyType ?? 'unknown'}; konform signs with Ed25519 keys (konform keygen makes a pair)`);
  }
}

/** The signing key in `pem`; `origin` names where it came from (a file, an environment variable), never its text. */
export function signingKeyFromPem(pem: string, origin: string): SigningKey {
  if (pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----')) {
    throw keyError(`${origin} holds an encrypted private key; konform takes an unencrypted PKCS#8 key (keep its file readable by you alone)`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw keyError(`${origin} does not hold a private key in PEM (PKCS#8, as konform keygen writes it)`);
  }
  requireEd25519(privateKey, origin);
  return { privateKey, signer: { keyid: keyIdOf(createPublicKey(privateKey)), algorithm: 'ed25519' } };
}

/** The public key in `pem`: a SubjectPublicKeyInfo ("PUBLIC KEY") only, so that no one is led to hand out a private key. */
export function verifyingKeyFromPem(pem: string, origin: string): VerifyingKey {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    const hint = pem.includes('PRIVATE KEY-----') ? ': it holds a private key, which stays with the signer; give the public key' : '';
    throw keyError(`${origin} does not hold a public key in PEM (-----BEGIN PUBLIC KEY-----)${hint}`);
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    throw keyError(`${origin} does not hold a readable public key in PEM`);
  }
  requireEd25519(publicKey, origin);
  return { publicKey, keyid: keyIdOf(publicKey) };
}

/** The text of a key file; an unreadable one is KEY_INVALID, naming the file. */
export async function readKeyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw keyError(`cannot read the key file ${file}: ${(error as Error).message}`);
  }
}

/** A new key pair, as the PEM texts konform keygen writes. */
export function generateKeyPair(): { privatePem: string; publicPem: string; keyid: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyid: keyIdOf(publicKey),
  };
}
