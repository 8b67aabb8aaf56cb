/**
 * `konform diff <a> <b> [--format text|md|json|html] [--out <file>]`: compares two runs of the
 * same suite (each its output folder or report.json) — the vendor's self-test and the city's
 * acceptance run, or last month's and today's. Exit 1 when something regressed, 0 otherwise,
 * 2 for a file that is no valid report or runs of different suites.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareReports } from '../../diff/compare.js';
import { DIFF_FORMATS } from '../../diff/formats.js';
import { summaryText } from '../../diff/sections.js';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { readReport } from '../../report/read-report.js';
import type { CliIo } from '../io.js';
import type { DiffFlags } from './diff-options.js';
import { styleFor } from '../style.js';

export async function diffCommand(a: string, b: string, flags: DiffFlags, io: CliIo): Promise<number> {
  const [reportA, reportB] = await Promise.all([readReport(resolve(io.cwd, a)), readReport(resolve(io.cwd, b))]);
  const diff = compareReports({ report: reportA, source: a }, { report: reportB, source: b });
  const exitCode = diff.summary.regressions > 0 ? 1 : 0;
  if (flags.out === undefined) {
    io.stdout.write(flags.format === 'text' ? DIFF_FORMATS.text(diff, styleFor(io.stdout, io.env)) : DIFF_FORMATS[flags.format](diff));
    return exitCode;
  }
  const out = resolve(io.cwd, flags.out);
  try {
    await writeFile(out, DIFF_FORMATS[flags.format](diff));
  } catch (error) {
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write the diff: ${(error as Error).message}`, { file: out }, { cause: error });
  }
  io.stdout.write(`${summaryText(diff.summary)}\ndiff: ${out}\n`);
  return exitCode;
}
