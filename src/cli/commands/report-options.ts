/** The options of `konform report`, apart from the command, so that the CLI loads what re-renders a report only when it runs. */
import { InvalidArgumentError, type Command } from 'commander';
import { didYouMean } from '../../core/close-matches.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { LANGUAGES } from '../../report/i18n/index.js';

export interface ReportFlags {
  format?: string[];
  lang?: string;
  out?: string;
}

/** The format names of one or more --format flags, each a name or a comma-separated list. */
function formatNames(value: string, previous: string[] = []): string[] {
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!Object.hasOwn(REPORT_FORMATS, name)) {
      throw new InvalidArgumentError(`unknown format "${name}"${didYouMean(name, Object.keys(REPORT_FORMATS))}; known: ${Object.keys(REPORT_FORMATS).join(', ')}`);
    }
  }
  return [...previous, ...names];
}

export function defineReportOptions(command: Command): Command {
  return command
    .option('--format <names>', `formats to render, repeated or comma-separated: ${Object.keys(REPORT_FORMATS).join(', ')} (default: all but json)`, formatNames)
    .option('--lang <lang>', `language of the formats for people: ${LANGUAGES.join(', ')}`)
    .option('--out <dir>', 'folder to write to (default: the folder of report.json)');
}
