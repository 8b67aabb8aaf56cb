/** Bytes put into others, and bytes that make any UTF-8 text invalid. */
import fc from 'fast-check';

/** `bytes` with `inserted` at `at` (taken modulo the length + 1, so that any number is a place). */
export function insertBytes(bytes: Uint8Array, at: number, inserted: Uint8Array): Buffer {
  const cut = at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, cut), inserted, bytes.subarray(cut)]);
}

/**
 * UTF-8 continuation bytes (0x80–0xBF, RFC 3629 §3): put anywhere into UTF-8 text, at least one
 * of them, or of the text's own, follows no lead byte that wants it, and the text is no longer UTF-8.
 */
export const strayContinuationBytes: fc.Arbitrary<Uint8Array> = fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => bytes.map((byte) => 0x80 | (byte & 0x3f)));
