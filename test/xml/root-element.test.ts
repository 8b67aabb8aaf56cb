import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRootElement, rootElementOf } from '../../src/xml/root-element.js';

const UBL = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';

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
});
