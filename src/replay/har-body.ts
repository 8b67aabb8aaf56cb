/**
 * Bodies in a HAR (spec, 'content': "HTTP decoded text or a encoded (e.g. base64)
 * representation"): text as text, other bytes base64 — what is no UTF-8, or what MIME Sniffing
 * takes for binary (excerpt.ts), whose control bytes JSON would escape to six characters each —
 * secrets redacted in both. In bytes base64 keeps, secrets are replaced in their single-byte
 * form; a body in which one is still found in its UTF-8 form is withheld whole.
 */
import { isUtf8 } from 'node:buffer';
import { sniffsBinary } from '../http/excerpt.js';
import type { Redactor } from '../http/redaction.js';
import type { HarBody } from './har.js';

export interface RecordedBody extends HarBody {
  /** Set when the body was left out for a secret in it that could not be replaced. */
  withheld?: true;
}

export function harBodyOf(bytes: Uint8Array, redactor: Redactor): RecordedBody {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer) && !sniffsBinary(buffer)) return { text: redactor.redactText(buffer.toString('utf8')) };
  const replaced = Buffer.from(redactor.redactText(buffer.toString('latin1')), 'latin1');
  const asText = replaced.toString('utf8');
  if (redactor.redactText(asText) !== asText) return { text: '', withheld: true };
  return { text: replaced.toString('base64'), encoding: 'base64' };
}

export function bytesOf(body: HarBody): Buffer {
  return Buffer.from(body.text, body.encoding === 'base64' ? 'base64' : 'utf8');
}
