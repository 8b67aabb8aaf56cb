/**
 * Bodies in a recording: text as text, other bytes base64, secrets redacted in both; a body in
 * which a secret is left that cannot be replaced in its bytes is withheld.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/http/redaction.js';
import { bytesOf, harBodyOf } from '../../src/replay/har-body.js';

const BINARY = Buffer.from([0xff, 0x00, 0xfe]);

describe('a body in a recording', () => {
  it('is text when it is UTF-8, with the secrets redacted', () => {
    const redactor = createRedactor([{ scheme: 'bearer', token: 's3cret' }]);
    expect(harBodyOf(Buffer.from('{"token":"s3cret","name":"Grün"}'), redactor)).toEqual({ text: '{"token":"[REDACTED]","name":"Grün"}' });
  });

  it('is base64 when it is not, and comes back byte for byte', () => {
    const bytes = Buffer.concat([BINARY, Buffer.from('\u00e9', 'latin1')]);
    const body = harBodyOf(bytes, createRedactor());
    expect(body).toEqual({ text: bytes.toString('base64'), encoding: 'base64' });
    expect(bytesOf(body)).toEqual(bytes);
    // UTF-8 with binary data bytes (WHATWG MIME Sniffing) too: JSON would escape each to six characters.
    expect(harBodyOf(Buffer.alloc(8), createRedactor())).toEqual({ text: Buffer.alloc(8).toString('base64'), encoding: 'base64' });
  });

  it('has an ASCII secret replaced in its bytes', () => {
    const redactor = createRedactor([{ scheme: 'bearer', token: 's3cret' }]);
    const body = harBodyOf(Buffer.concat([BINARY, Buffer.from('s3cret'), BINARY]), redactor);
    expect(bytesOf(body)).toEqual(Buffer.concat([BINARY, Buffer.from('[REDACTED]'), BINARY]));
  });

  it('is withheld when a secret that is no ASCII is in its bytes', () => {
    const redactor = createRedactor([{ scheme: 'bearer', token: 'pässwört' }]);
    expect(harBodyOf(Buffer.concat([BINARY, Buffer.from('pässwört'), BINARY]), redactor)).toEqual({ text: '', withheld: true });
  });
});
