/**
 * The run journal, journal.jsonl: one JSON object per line (JSON Lines), appended with a
 * synchronous write each, so that every entry appended before the process is killed —
 * SIGKILL included — is in the file. A kill can tear at most the line being written.
 */
import { appendFileSync, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { scrubValues } from './scrub-values.js';
import type { Scrub } from './scrub-values.js';

export const JOURNAL_FILE = 'journal.jsonl';

export interface Journal {
  readonly path: string;
  /**
   * Writes the entry as one line; on return the line is with the operating system and survives
   * the process being killed (it is not fsynced against power loss). After close, entries
   * (say, from a request that completes while the run shuts down) are dropped.
   */
  append(entry: object): void;
  close(): void;
}

export interface JournalOptions {
  /** The secret redactor: applied to every string of an entry and to the serialised line. */
  scrub?: Scrub;
}

/** Whether a non-empty file lacks its final newline, i.e. its last line was torn. */
function endsTorn(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}

/**
 * Opens (or continues) `journal.jsonl` in `outDir`, creating the folder. A torn last line left by
 * an earlier killed run is closed with a newline first, so new entries start on their own line.
 */
export async function openJournal(outDir: string, options: JournalOptions = {}): Promise<Journal> {
  const path = join(outDir, JOURNAL_FILE);
  const { scrub } = options;
  const serialise = (entry: object): string =>
    scrub ? scrub(JSON.stringify(scrubValues(entry, scrub))) : JSON.stringify(entry);
  let fd: number | undefined;
  try {
    await mkdir(outDir, { recursive: true });
    fd = openSync(path, 'a+');
    if (endsTorn(fd)) appendFileSync(fd, '\n');
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot open the journal ${path}: ${message}`, { file: path }, {
      cause: error,
    });
  }
  let open: number | undefined = fd;
  return {
    path,
    append(entry) {
      if (open !== undefined) appendFileSync(open, `${serialise(entry)}\n`);
    },
    close() {
      if (open !== undefined) closeSync(open);
      open = undefined;
    },
  };
}

/**
 * Reads the entries of a journal. A line that is not JSON is a line torn by a kill
 * (a prefix of a JSON object is never JSON) and is skipped.
 */
export async function readJournal(path: string): Promise<object[]> {
  const entries: object[] = [];
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    try {
      entries.push(JSON.parse(line) as object);
    } catch {
      // a torn line: skipped
    }
  }
  return entries;
}
