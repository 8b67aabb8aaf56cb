import { spawn } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/model/errors.js';
import { JOURNAL_FILE, openJournal, readJournal } from '../../src/report/journal.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journal', () => {
  it('has every appended entry in the file before close, one JSON line each, and drops later ones', async () => {
    const journal = await openJournal(join(dir, 'out'));
    journal.append({ event: 'run-started', suite: 'oparl-core' });
    journal.append({ event: 'result', id: 'status-documented/GET /bodies', message: 'line\nbreak' });
    const text = await readFile(journal.path, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(await readJournal(journal.path)).toEqual([
      { event: 'run-started', suite: 'oparl-core' },
      { event: 'result', id: 'status-documented/GET /bodies', message: 'line\nbreak' },
    ]);
    journal.close();
    journal.append({ event: 'late' });
    journal.close();
    expect(await readJournal(journal.path)).toHaveLength(2);
  });

  it('skips a torn last line', async () => {
    const path = join(dir, JOURNAL_FILE);
    await writeFile(path, '{"step":1}\n{"step":2}\n{"step":3,"message":"half wri');
    expect(await readJournal(path)).toEqual([{ step: 1 }, { step: 2 }]);
  });

  it('belongs to one run: a journal already in the folder is never continued', async () => {
    await writeFile(join(dir, JOURNAL_FILE), '{"step":1}\n');
    await expect(openJournal(dir)).rejects.toMatchObject({ code: ERROR_CODES.OUTPUT_UNWRITABLE });
    expect(await readFile(join(dir, JOURNAL_FILE), 'utf8')).toBe('{"step":1}\n');
  });

  it('reports a folder that cannot be made at once, also where mkdir -p would loop (/proc)', async () => {
    await expect(openJournal('/proc/konform-journal')).rejects.toMatchObject({ code: ERROR_CODES.OUTPUT_UNWRITABLE });
  });

  it('reports a folder it cannot write to with OUTPUT_UNWRITABLE', async () => {
    await writeFile(join(dir, 'file'), '');
    await expect(openJournal(join(dir, 'file', 'out'))).rejects.toMatchObject({ code: ERROR_CODES.OUTPUT_UNWRITABLE });
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Compiles the journal and what it imports into `into`, as ES modules a plain `node` can run. */
async function compileJournal(into: string): Promise<string> {
  for (const source of ['src/report/journal.ts', 'src/core/make-folder.ts', 'src/model/errors.ts']) {
    const output = ts.transpileModule(await readFile(join(ROOT, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    const target = join(into, source.replace(/\.ts$/, '.js'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, output.outputText);
  }
  await writeFile(join(into, 'package.json'), '{"type":"module"}');
  return pathToFileURL(join(into, 'src/report/journal.js')).href;
}

describe('journal of a killed process', () => {
  it('keeps every entry appended before SIGKILL', async () => {
    const moduleUrl = await compileJournal(join(dir, 'build'));
    const outDir = join(dir, 'run');
    const script = `
      const { openJournal } = await import(${JSON.stringify(moduleUrl)});
      const journal = await openJournal(${JSON.stringify(outDir)});
      for (let step = 0; ; step++) {
        journal.append({ step, payload: 'x'.repeat(200) });
        if (step === 500) process.stdout.write('appended\\n');
        if (step >= 500) await new Promise((resolve) => setImmediate(resolve));
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('appended')) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', () => resolve());
    });
    expect(child.signalCode).toBe('SIGKILL');
    const entries = (await readJournal(join(outDir, JOURNAL_FILE))) as Array<{ step: number }>;
    expect(entries.length).toBeGreaterThan(500);
    expect(entries.every((entry, index) => entry.step === index)).toBe(true);
    await appendFile(join(outDir, JOURNAL_FILE), '{"step":');
    expect(await readJournal(join(outDir, JOURNAL_FILE))).toHaveLength(entries.length);
  });
});
