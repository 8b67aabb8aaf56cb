/**
 * DSSE v1.0, the Dead Simple Signing Envelope (https://github.com/secure-systems-lab/dsse):
 * signatures over the pre-authentication encoding of payload type and body (protocol.md,
 * "Signature Definition") in the JSON envelope (envelope.md), here with Ed25519.
 */
import { sign, verify } from 'node:crypto';
import { expectArray, expectBase64, expectObject, expectString, parseJson } from './json-shape.js';
import type { SigningKey, VerifyingKey } from './keys.js';

/** The JSON envelope as written: payload and signatures in base64. */
export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

/** An envelope read back, its base64 decoded. */
export interface OpenedEnvelope {
  payloadType: string;
  payload: Buffer;
  signatures: Array<{ keyid: string; sig: Buffer }>;
}

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes (protocol.md). */
export function pae(payloadType: string, body: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
}

export function sealEnvelope(payloadType: string, body: Buffer, key: SigningKey): Envelope {
  const sig = sign(null, pae(payloadType, body), key.privateKey);
  return { payloadType, payload: body.toString('base64'), signatures: [{ keyid: key.signer.keyid, sig: sig.toString('base64') }] };
}

/**
 * The envelope in `text`, by envelope.md's parsing rules: payload, payloadType, signatures and
 * each sig are required, keyid is optional (unset reads as empty), other fields are ignored.
 */
export function openEnvelope(text: string, file: string): OpenedEnvelope {
  const envelope = expectObject(parseJson(text, file, '', 'the envelope'), file, '');
  const signatures = expectArray(envelope.signatures, file, '/signatures').map((entry, index) => {
    const signature = expectObject(entry, file, `/signatures/${index}`);
    const keyid = signature.keyid === undefined ? '' : expectString(signature.keyid, file, `/signatures/${index}/keyid`);
    return { keyid, sig: expectBase64(signature.sig, file, `/signatures/${index}/sig`) };
  });
  return {
    payloadType: expectString(envelope.payloadType, file, '/payloadType'),
    payload: expectBase64(envelope.payload, file, '/payload'),
    signatures,
  };
}

/**
 * Whether a signature of the envelope verifies with the key (a threshold of one). Every
 * signature is tried: a keyid is an unauthenticated hint that must not decide (protocol.md).
 */
export function signatureHolds(envelope: OpenedEnvelope, key: VerifyingKey): boolean {
  const signed = pae(envelope.payloadType, envelope.payload);
  return envelope.signatures.some(({ sig }) => verify(null, signed, key.publicKey, sig));
}
