/**
 * Writes the rendered report formats into the output folder. Each file is written to a
 * temporary file in the same folder and renamed into place, so a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../core/errors.js';
import { REPORT_FORMATS } from './formats.js';
import type { ReportFormat } from './formats.js';
import type { Report } from './model.js';
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

/** Writes `text` to `path` by way of a temporary sibling and an atomic rename. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Renders and writes the formats one at a time (a report of 10 000 message files renders to
 * tens of megabytes per format); returns the paths written, in format order.
 */
export async function writeReports(report: Report, outDir: string, options: WriteReportsOptions = {}): Promise<string[]> {
  const formats = selectFormats(options.formats);
  const { scrub } = options;
  const scrubbed = scrub ? scrubValues(report, scrub) : report;
  const paths = formats.map((format) => join(outDir, format.file));
  try {
    await mkdir(outDir, { recursive: true });
    for (const [index, format] of formats.entries()) {
      const text = format.render(scrubbed);
      await writeAtomically(paths[index] as string, scrub ? scrub(text) : text);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write reports to ${outDir}: ${message}`, { file: outDir }, {
      cause: error,
    });
  }
  return paths;
}
