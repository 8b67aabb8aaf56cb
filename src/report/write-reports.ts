/**
 * Writes the rendered report formats into the output folder. Each file is written to a
 * temporary file in the same folder and renamed into place, so a reader never sees half a file.
 * A process that has to exit while reports are written (a second Ctrl-C) asks whether they are
 * (`writingReports`), to let them finish, or removes the temporaries first (`removeTemporaries`).
 */
import { rmSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { makeFolder } from '../core/make-folder.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { temporaryFileOf } from './output-folder.js';
import { REPORT_FORMATS } from './formats.js';
import type { ReportFormat } from './formats.js';
import type { RenderOptions } from './i18n/index.js';
import type { Report } from '../model/report.js';

export interface WriteReportsOptions {
  /** Format names (keys of REPORT_FORMATS); all formats when omitted. */
  formats?: string[];
  /** Passed to every format (the language of the formats for people). */
  render?: RenderOptions;
}

function selectFormats(names: string[] | undefined): ReportFormat[] {
  if (names === undefined) return Object.values(REPORT_FORMATS);
  return names.map((name) => {
    const format = Object.hasOwn(REPORT_FORMATS, name) ? REPORT_FORMATS[name] : undefined;
    if (!format) {
      const known = Object.keys(REPORT_FORMATS).join(', ');
      throw new KonformError(ERROR_CODES.USAGE, `unknown report format "${name}" (known: ${known})`);
    }
    return format;
  });
}

/** Bytes gathered before a write: few system calls, and one buffer reused for the whole file. */
const WRITE_BYTES = 1 << 20;

/** Writes the pieces through one reused buffer, so that no text larger than a piece is ever built. */
async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  const flush = async () => {
    if (used > 0) await handle.write(buffer, 0, used);
    used = 0;
  };
  for (const piece of pieces) {
    const bytes = Buffer.byteLength(piece);
    if (used + bytes > buffer.length) await flush();
    if (bytes > buffer.length) await handle.write(piece);
    else used += buffer.write(piece, used);
  }
  await flush();
}

/** Temporaries of the writes under way in this process. */
const temporaries = new Set<string>();
let writesUnderWay = 0;

export function writingReports(): boolean {
  return writesUnderWay > 0;
}

/** Removes the temporaries of the writes under way, for a process that exits before they end. */
export function removeTemporaries(): void {
  for (const temporary of temporaries) rmSync(temporary, { force: true });
}

/** Writes the pieces to `path` by way of a temporary sibling and an atomic rename. */
export async function writeAtomically(path: string, pieces: Iterable<string>): Promise<void> {
  const temporary = temporaryFileOf(path);
  temporaries.add(temporary);
  try {
    const handle = await open(temporary, 'w');
    try {
      await writePieces(handle, pieces);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    temporaries.delete(temporary);
  }
}

/**
 * Renders and writes the formats one at a time, each piece by piece (a report of 10 000
 * message files renders to tens of megabytes per format); returns the paths written, in
 * format order.
 */
export async function writeReports(report: Report, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats = selectFormats(options.formats);
  const paths = formats.map((format) => join(outDir, format.file));
  writesUnderWay += 1;
  try {
    await makeFolder(outDir);
    for (const [index, format] of formats.entries()) await writeAtomically(paths[index] as string, format.render(report, options.render));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write reports to ${outDir}: ${message}`, { file: outDir }, {
      cause: error,
    });
  } finally {
    writesUnderWay -= 1;
  }
  return paths;
}
