/**
 * The part of a body kept as evidence: the first `limit` bytes as UTF-8 text with secrets
 * redacted, or a marker for binary content, which would not be readable in a report.
 */
import type { Redactor } from './redaction.js';

export interface BodyExcerpt {
  excerpt: string;
  /** True when the excerpt shows less than the whole body. */
  truncated: boolean;
}

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape. */
const BINARY_CONTROL = /[\x00-\x08\x0E-\x1A\x1C-\x1F]/;

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the window.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return BINARY_CONTROL.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

export function excerptBody(body: Uint8Array, limit: number, redactor: Redactor): BodyExcerpt {
  if (body.length === 0) return { excerpt: '', truncated: false };
  // Read past the limit by the longest secret, so one that starts before the cut is found whole.
  const window = body.subarray(0, limit + redactor.longestSecretBytes);
  const text = decodeText(window);
  if (text === undefined) return { excerpt: `[binary, ${body.length} bytes]`, truncated: true };
  const keep = new TextDecoder().decode(body.subarray(0, limit), { stream: true }).length;
  return { excerpt: redactor.redactText(text, keep), truncated: body.length > limit };
}
