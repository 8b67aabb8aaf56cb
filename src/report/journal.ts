/**
 * The run journal, journal.jsonl: one JSON object per line (JSON Lines), appended with a
 * synchronous write each, so that every entry appended before the process is killed —
 * SIGKILL included — is in the file. A kill can tear at most the line being written. A journal
 * belongs to one run: it is created new, never continued. Entries are written as given; what
 * they hold of the target is redacted before (exchanges by the HTTP client, findings by the run).
 */
import { appendFileSync, closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolder } from '../core/make-folder.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';

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

/** Creates `journal.jsonl` in `outDir`, and the folder; a journal already there (another run's) is an error. */
export async function openJournal(outDir: string): Promise<Journal> {
  const path = join(outDir, JOURNAL_FILE);
  let fd: number;
  try {
    await makeFolder(outDir);
    fd = openSync(path, 'wx');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot open the journal ${path}: ${message}`, { file: path }, {
      cause: error,
    });
  }
  let open: number | undefined = fd;
  return {
    path,
    append(entry) {
      if (open !== undefined) appendFileSync(open, `${JSON.stringify(entry)}\n`);
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
