import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRoot } from '../../src/xml/file-root.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-file-root-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function rootOfText(name: string, bytes: Uint8Array) {
  await writeFile(join(dir, name), bytes);
  return fileRoot(join(dir, name));
}

describe('fileRoot', () => {
  it('names the root from the first bytes', async () => {
    expect(await rootOfText('plain.xml', Buffer.from('<?xml version="1.0"?><m:Nachricht xmlns:m="urn:x"/>'))).toEqual({ root: '{urn:x}Nachricht' });
  });

  it("takes the root from konform's parse where the first bytes do not name it", async () => {
    // A name beyond ASCII (XML 1.0 §2.3 NameStartChar), which the scan of the first bytes does not read.
    expect(await rootOfText('non-ascii-name.xml', Buffer.from('<Übersicht xmlns="urn:x"/>'))).toEqual({ root: '{urn:x}Übersicht' });
  });

  it('says why a file has no root: its parse findings', async () => {
    expect(await rootOfText('pdf.xml', Buffer.from('%PDF-1.7\n'))).toEqual({ rootless: { tooLarge: false, findings: [expect.objectContaining({ code: 'not-xml' })] } });
  });
});
