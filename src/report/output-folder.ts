/**
 * The output folder of a run. A run owns it: the files konform writes there — the report
 * formats, the journal, the attestation and the temporaries of a write that was cut short —
 * belong to one run, so a folder holding any of them is refused unless the run is told to
 * replace them; then those files, and nothing else, are removed before the run begins. A run
 * killed later can thus never leave an earlier run's report that looks current.
 */
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolder } from '../core/make-folder.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { REPORT_FORMATS } from './formats.js';
import { JOURNAL_FILE } from './journal.js';
import { RECORDING_FILE } from '../replay/har.js';

/** The signed attestation of the folder's files (src/attest), written after the reports. */
export const ATTESTATION_FILE = 'attestation.json';

const OUTPUT_FILES = new Set([...Object.values(REPORT_FORMATS).map((format) => format.file), JOURNAL_FILE, ATTESTATION_FILE, RECORDING_FILE]);

/** `report.json.<pid>.<random>.tmp`: where a format is written before it is renamed into place. */
export function temporaryFileOf(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

const TEMPORARY = /^(.+)\.\d+\.[0-9a-f]{12}\.tmp$/;

export function isTemporaryFile(name: string): boolean {
  return TEMPORARY.test(name);
}

function isOutputFile(name: string): boolean {
  return OUTPUT_FILES.has(name) || OUTPUT_FILES.has(TEMPORARY.exec(name)?.[1] ?? '');
}

/**
 * Makes the output folder and claims it for a run: konform's files of an earlier run there are
 * refused (USAGE) or, with `force`, removed.
 */
export async function claimOutputFolder(outDir: string, force: boolean): Promise<void> {
  let earlier: string[];
  try {
    await makeFolder(outDir);
    earlier = (await readdir(outDir)).filter(isOutputFile).sort();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot use ${outDir} as the output folder: ${message}`, { file: outDir }, { cause: error });
  }
  if (earlier.length === 0) return;
  if (!force) {
    throw new KonformError(
      ERROR_CODES.USAGE,
      `the output folder ${outDir} holds the files of an earlier run (${earlier.join(', ')}): give another --out, or --force to replace them`,
      { file: outDir },
    );
  }
  await Promise.all(earlier.map((name) => rm(join(outDir, name), { force: true })));
}
