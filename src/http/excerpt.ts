/**
 * The part of a body kept as evidence: the first `limit` bytes as UTF-8 text with secrets
 * redacted, or a marker for binary content, which would not be readable in a report.
 * Only the excerpt window is validated and decoded, once. Binary is what is not UTF-8, or what
 * WHATWG MIME Sniffing ("sniffing a mislabeled binary resource") takes for binary: a binary data
 * byte in the resource header, the first 1445 bytes.
 */
import { isUtf8 } from 'node:buffer';
import type { Redactor } from './redaction.js';

export interface BodyExcerpt {
  excerpt: string;
  /** True when the excerpt shows less than the whole body. */
  truncated: boolean;
}

/** WHATWG MIME Sniffing §3: a binary data byte is 0x00–0x08, 0x0B, 0x0E–0x1A or 0x1C–0x1F. */
const BINARY_DATA_BYTE = /[\x00-\x08\x0B\x0E-\x1A\x1C-\x1F]/;

/** WHATWG MIME Sniffing §5.2: the resource header is at most 1445 bytes. */
const RESOURCE_HEADER_BYTES = 1445;

/**
 * Where the window's last whole character ends. A character cut at the end of the window is
 * left out when its bytes begin a valid sequence (RFC 3629 §4), as a streaming decoder holds it back.
 */
function wholeCharactersEnd(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  // Continuation bytes are 10xxxxxx; a sequence is at most 4 bytes long.
  while (lead > bytes.length - 4 && lead >= 0 && (bytes[lead]! & 0xc0) === 0x80) lead -= 1;
  const first = bytes[lead] ?? 0;
  const length = first < 0xc2 || first > 0xf4 ? 1 : first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : 2;
  const cut = bytes.length - lead;
  if (cut >= length) return bytes.length;
  // A lone lead byte (C2–F4) begins a valid sequence; with more bytes, the second byte decides
  // (E0, ED, F0, F4 narrow its range), and padding with continuation bytes checks it.
  if (cut === 1) return lead;
  const completed = Buffer.alloc(length, 0x80);
  completed.set(bytes.subarray(lead));
  return isUtf8(completed) ? lead : bytes.length;
}

/** Whether the resource header holds a binary data byte: WHATWG MIME Sniffing takes the resource for binary. */
export function sniffsBinary(buffer: Buffer): boolean {
  // Binary data bytes are ASCII: in Latin-1 each stands for itself, and no other byte matches.
  return BINARY_DATA_BYTE.test(buffer.toString('latin1', 0, RESOURCE_HEADER_BYTES));
}

/** UTF-8 text without a leading byte order mark, as the WHATWG decoder gives it; undefined if not text. */
function decodeText(bytes: Uint8Array): string | undefined {
  const whole = bytes.subarray(0, wholeCharactersEnd(bytes));
  if (!isUtf8(whole)) return undefined;
  const buffer = Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength);
  if (sniffsBinary(buffer)) return undefined;
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `bodyBytes`: the size of the whole body, when `body` holds only its start (body-buffer.ts). */
export function excerptBody(body: Uint8Array, limit: number, redactor: Redactor, bodyBytes = body.length): BodyExcerpt {
  if (body.length === 0) return { excerpt: '', truncated: bodyBytes > 0 };
  // Read past the limit by the longest secret, so one that starts before the cut is found whole.
  const window = body.subarray(0, limit + redactor.longestSecretBytes);
  const text = decodeText(window);
  if (text === undefined) return { excerpt: `[binary, ${bodyBytes} bytes]`, truncated: true };
  // The excerpt proper: the characters of the first `limit` bytes, a prefix of the window's text.
  const keep = window.length <= limit ? text.length : (decodeText(body.subarray(0, limit))?.length ?? 0);
  return { excerpt: redactor.redactText(text, keep), truncated: bodyBytes > limit };
}
