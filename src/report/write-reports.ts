/**
 * Writes the rendered report formats into the output folder. Each file is written to a
 * temporary file in the same folder and renamed into place, so a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { REPORT_FORMATS } from './formats.js';
import type { ReportFormat } from './formats.js';
import type { Report } from '../model/report.js';
import { scrubValues } from './scrub-values.js';
import type { Scrub } from './scrub-values.js';

export interface WriteReportsOptions {
  /** Format names (keys of REPORT_FORMATS); all formats when omitted. */
  formats?: string[];
  /**
   * The secret redactor: applied to every string of the report before rendering and to each
   * rendered text before it is written.
   */
  scrub?: Scrub;
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
async function writePieces(handle: FileHandle, pieces: Iterable<string>, scrub: Scrub | undefined): Promise<void> {
  const buffer = Buffer.allocUnsafe(WRITE_BYTES);
  let used = 0;
  const flush = async () => {
    if (used > 0) await handle.write(buffer, 0, used);
    used = 0;
  };
  for (const piece of pieces) {
    const text = scrub ? scrub(piece) : piece;
    const bytes = Buffer.byteLength(text);
    if (used + bytes > buffer.length) await flush();
    if (bytes > buffer.length) await handle.write(text);
    else used += buffer.write(text, used);
  }
  await flush();
}

/**
 * Writes the pieces to `path` by way of a temporary sibling and an atomic rename; each piece
 * is scrubbed on its own (a piece never splits a string value, so never a secret).
 */
async function writeAtomically(path: string, pieces: Iterable<string>, scrub: Scrub | undefined): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await writePieces(handle, pieces, scrub);
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Renders and writes the formats one at a time, each piece by piece (a report of 10 000
 * message files renders to tens of megabytes per format); returns the paths written, in
 * format order.
 */
export async function writeReports(report: Report, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats = selectFormats(options.formats);
  const { scrub } = options;
  const scrubbed = scrub ? scrubValues(report, scrub) : report;
  const paths = formats.map((format) => join(outDir, format.file));
  try {
    await mkdir(outDir, { recursive: true });
    for (const [index, format] of formats.entries()) await writeAtomically(paths[index] as string, format.render(scrubbed), scrub);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write reports to ${outDir}: ${message}`, { file: outDir }, {
      cause: error,
    });
  }
  return paths;
}
