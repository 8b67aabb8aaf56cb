/**
 * `konform report <dir or report.json> [--format <name>…] [--lang de|en] [--out <dir>]`:
 * renders formats again from the report.json of an earlier run — another language, a format
 * that run did not write, or the formats of a newer konform. The report is held to
 * report.schema.json first: a file that is no valid report is named with what is wrong
 * (exit 2). Without --format every format but report.json itself is rendered; without --out
 * the files go beside report.json — unless that folder is signed: a file written there would
 * no longer match its attestation, so a signed folder is refused.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { languageFrom } from '../../report/i18n/index.js';
import { ATTESTATION_FILE } from '../../report/output-folder.js';
import { readReport } from '../../report/read-report.js';
import { writeReports } from '../../report/write-reports.js';
import type { CliIo } from '../io.js';
import type { ReportFlags } from './report-options.js';

export async function reportCommand(source: string, flags: ReportFlags, io: CliIo): Promise<number> {
  const lang = flags.lang === undefined ? undefined : languageFrom(flags.lang, '--lang');
  const path = resolve(io.cwd, source);
  const report = await readReport(path);
  const folder = (await stat(path)).isDirectory() ? path : dirname(path);
  const out = flags.out === undefined ? folder : resolve(io.cwd, flags.out);
  if (existsSync(join(out, ATTESTATION_FILE))) {
    throw new KonformError(ERROR_CODES.USAGE, `the folder is signed (${ATTESTATION_FILE}): files written there would break its attestation; give another --out`, { file: out });
  }
  const formats = [...new Set(flags.format ?? Object.keys(REPORT_FORMATS).filter((name) => name !== 'json'))];
  const written = await writeReports(report, out, { formats, ...(lang ? { render: { lang } } : {}) });
  io.stdout.write(written.map((file) => `${file}\n`).join(''));
  return 0;
}
