import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/model/errors.js';
import { claimOutputFolder, temporaryFileOf } from '../../src/report/output-folder.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-out-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function folderWith(...files: string[]): Promise<string> {
  for (const file of files) await writeFile(join(dir, file), '');
  return dir;
}

describe('claimOutputFolder', () => {
  it('makes a missing folder, and takes one holding only other files as it is', async () => {
    await claimOutputFolder(join(dir, 'a', 'b'), false);
    expect(await readdir(join(dir, 'a'))).toEqual(['b']);
    await claimOutputFolder(await folderWith('notes.txt', 'report.json.bak'), false);
    expect((await readdir(dir)).sort()).toEqual(['a', 'notes.txt', 'report.json.bak']);
  });

  it("refuses a folder with an earlier run's files, naming them", async () => {
    const out = await folderWith('journal.jsonl', 'summary.md', 'notes.txt');
    await expect(claimOutputFolder(out, false)).rejects.toMatchObject({
      code: ERROR_CODES.USAGE,
      message: expect.stringContaining('(journal.jsonl, summary.md): give another --out, or --force'),
    });
    expect((await readdir(out)).sort()).toEqual(['journal.jsonl', 'notes.txt', 'summary.md']);
  });

  it("with force, removes konform's files and the temporaries of a cut write, and nothing else", async () => {
    const temporary = temporaryFileOf('junit.xml');
    const out = await folderWith('report.json', 'junit.xml', 'summary.md', 'journal.jsonl', temporary, 'notes.txt', 'report.json.1.tmp');
    await claimOutputFolder(out, true);
    expect((await readdir(out)).sort()).toEqual(['notes.txt', 'report.json.1.tmp']);
  });

  it('reports a folder that cannot be made at once, also where mkdir -p would loop (/proc)', async () => {
    await expect(claimOutputFolder('/proc/konform-out/x', false)).rejects.toMatchObject({ code: ERROR_CODES.OUTPUT_UNWRITABLE });
    await writeFile(join(dir, 'file'), '');
    await expect(claimOutputFolder(join(dir, 'file'), false)).rejects.toMatchObject({ code: ERROR_CODES.OUTPUT_UNWRITABLE });
  });
});
