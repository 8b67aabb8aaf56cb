/**
 * Reading an attestation's JSON: each value taken with the JSON pointer (RFC 6901) it was found
 * at, so that a malformed attestation is refused saying where and what.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';

export function malformed(file: string, pointer: string, message: string): KonformError {
  return new KonformError(ERROR_CODES.ATTESTATION_INVALID, message, { file, pointer });
}

export function expectObject(value: unknown, file: string, pointer: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(file, pointer, 'must be a JSON object');
  return value as Record<string, unknown>;
}

export function expectArray(value: unknown, file: string, pointer: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(file, pointer, 'must be a JSON array');
  return value;
}

export function expectString(value: unknown, file: string, pointer: string): string {
  if (typeof value !== 'string') throw malformed(file, pointer, 'must be a string');
  return value;
}

/** RFC 4648 base64, standard (§4) or URL-safe (§5): DSSE verifiers must accept either (protocol.md). */
const BASE64 = /^(?:[A-Za-z0-9+/]*|[A-Za-z0-9_-]*)={0,2}$/;

export function expectBase64(value: unknown, file: string, pointer: string): Buffer {
  const text = expectString(value, file, pointer);
  if (!BASE64.test(text) || text.replace(/=+$/, '').length % 4 === 1) throw malformed(file, pointer, 'must be base64 (RFC 4648)');
  return Buffer.from(text, 'base64');
}

export function parseJson(text: string, file: string, pointer: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw malformed(file, pointer, `${what} is not JSON: ${(error as Error).message}`);
  }
}
