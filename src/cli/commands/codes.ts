/**
 * `konform codes [<code>] [--json]`: the catalogue of finding codes (src/model/finding-codes.ts),
 * what each finding `code` in a report means. With a code, that code alone; an unknown code is
 * a usage error naming the close matches.
 */
import { didYouMean } from '../../core/close-matches.js';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { FINDING_CODES, type FindingCode } from '../../model/finding-codes.js';
import type { CliIo } from '../io.js';

function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(FINDING_CODES, code);
}

export function codesCommand(code: string | undefined, flags: { json?: boolean }, io: CliIo): number {
  if (code !== undefined && !isFindingCode(code)) {
    throw new KonformError(ERROR_CODES.USAGE, `no finding code "${code}"${didYouMean(code, Object.keys(FINDING_CODES))}; konform codes lists them`);
  }
  const entries = Object.entries(FINDING_CODES).filter(([candidate]) => code === undefined || candidate === code);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(entries.map(([name, meaning]) => ({ code: name, meaning })), null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...entries.map(([name]) => name.length));
  io.stdout.write(entries.map(([name, meaning]) => `${name.padEnd(width)}  ${meaning}\n`).join(''));
  return 0;
}
