/**
 * Reads the canonical report of an earlier run, given as its output folder or as the report.json
 * itself, and holds it to report.schema.json: a file that is missing, no JSON or not valid is a
 * KonformError naming the file and what is wrong (with each violation's JSON pointer).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import { REPORT_FORMATS } from './formats.js';
import { validateReport } from './validate-report.js';

/** How many schema violations the error names; the rest are counted. */
const VIOLATIONS_NAMED = 10;

const invalid = (file: string, message: string, cause?: unknown) =>
  new KonformError(ERROR_CODES.REPORT_INVALID, message, { file }, cause === undefined ? undefined : { cause });

export async function readReport(path: string): Promise<Report> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw invalid(path, 'no such file or folder');
  const file = info.isDirectory() ? join(path, REPORT_FORMATS.json!.file) : path;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw invalid(file, info.isDirectory() ? 'the folder holds no report.json' : `cannot be read: ${(error as Error).message}`, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `is no JSON: ${(error as Error).message}`, error);
  }
  const violations = validateReport(json);
  if (violations.length > 0) {
    const more = violations.length > VIOLATIONS_NAMED ? `; and ${violations.length - VIOLATIONS_NAMED} more` : '';
    throw invalid(file, `is no valid konform report (report.schema.json): ${violations.slice(0, VIOLATIONS_NAMED).join('; ')}${more}`);
  }
  return json as Report;
}
