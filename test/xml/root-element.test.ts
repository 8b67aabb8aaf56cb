import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { readRootElement, rootElementOf } from '../../src/xml/root-element.js';

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const ENCODINGS = join(PACKAGE_ROOT, 'fixtures', 'xml-encodings');

const utf16le = (text: string) => Buffer.from(text, 'utf16le');
const utf16be = (text: string) => utf16le(text).swap16();

describe('rootElementOf', () => {
  it('skips the declaration, comments, processing instructions and a DOCTYPE with an internal subset', () => {
    const text = `\uFEFF<?xml version="1.0"?>\n<!-- a > b --><?pi x?><!DOCTYPE x [ <!ENTITY a "b>c"> ]>\n<p:Invoice xmlns:p="${UBL}" id="1">`;
    expect(rootElementOf(text)).toEqual({ namespace: UBL, localName: 'Invoice' });
  });

  it('gives no root for a text that ends before the root start tag does', () => {
    for (const text of ['<?xml version="1.0"?><!-- open', '<!DOCTYPE x [ <!ENTITY a "b">', `<Invoice xmlns="${UBL}"`, 'not XML']) {
      expect(rootElementOf(text), text).toBeUndefined();
    }
  });
});

describe('readRootElement', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'konform-root-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads on past the first 4 KB when a long prologue comes before the root', async () => {
    const file = join(dir, 'long-prologue.xml');
    await writeFile(file, `<?xml version="1.0"?><!-- ${'x'.repeat(10_000)} -->\n<Invoice xmlns="${UBL}"><a/></Invoice>`);
    expect(readRootElement(file)).toEqual({ namespace: UBL, localName: 'Invoice' });
  });

  it('reads a short file whole', async () => {
    const file = join(dir, 'short.xml');
    await writeFile(file, `<Invoice xmlns="${UBL}"/>`);
    expect(readRootElement(file)).toEqual({ namespace: UBL, localName: 'Invoice' });
  });

  it('reads past 64 KB of comments before the root', async () => {
    const file = join(dir, 'long-comments.xml');
    await writeFile(file, `<?xml version="1.0"?>${'<!-- comment -->\n'.repeat(10_000)}<Invoice xmlns="${UBL}"><a/></Invoice>`);
    expect(readRootElement(file)).toEqual({ namespace: UBL, localName: 'Invoice' });
  });

  it('reads UTF-16 with a byte order mark, little and big endian (XML 1.0 Appendix F)', () => {
    for (const name of ['01.02a-INVOICE_ubl.utf16le.xml', '01.02a-INVOICE_ubl.utf16be.xml']) {
      expect(readRootElement(join(ENCODINGS, name)), name).toEqual({ namespace: UBL, localName: 'Invoice' });
    }
  });

  it('reads UTF-16 without a byte order mark by the bytes of `<?xm`', async () => {
    const text = `<?xml version="1.0" encoding="UTF-16"?><!-- ${'x'.repeat(5000)} --><Invoice xmlns="${UBL}"/>`;
    for (const [name, bytes] of [['le.xml', utf16le(text)], ['be.xml', utf16be(text)]] as const) {
      await writeFile(join(dir, name), bytes);
      expect(readRootElement(join(dir, name)), name).toEqual({ namespace: UBL, localName: 'Invoice' });
    }
  });

  it('reads a single-byte encoding named in the declaration', async () => {
    const file = join(dir, 'latin1.xml');
    await writeFile(file, Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><!-- Grüße \u00ff --><p:Rechnung xmlns:p="urn:x:größe"/>`, 'latin1'));
    expect(readRootElement(file)).toEqual({ namespace: 'urn:x:größe', localName: 'Rechnung' });
  });

  it('gives no root for an encoding it does not read, a prologue that never ends, or text that is not XML', async () => {
    const cases = {
      'ucs4.xml': Buffer.from([0x00, 0x00, 0xfe, 0xff, 0, 0, 0, 0x3c, 0, 0, 0, 0x61, 0, 0, 0, 0x2f, 0, 0, 0, 0x3e]),
      'open-comment.xml': Buffer.from(`<?xml version="1.0"?><!-- ${'x'.repeat(100_000)}`),
      'not-xml.xml': Buffer.from('%PDF-1.7'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      await writeFile(join(dir, name), bytes);
      expect(readRootElement(join(dir, name)), name).toBeUndefined();
    }
  });
});
