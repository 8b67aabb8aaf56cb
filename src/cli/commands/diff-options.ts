/** The options of `konform diff`, apart from the command, so that the CLI loads the comparison only when it runs one. */
import { Option, type Command } from 'commander';
import { DIFF_FORMAT_NAMES, type DiffFormat } from '../../diff/format-names.js';

export interface DiffFlags {
  format: DiffFormat;
  out?: string;
}

export function defineDiffOptions(command: Command): Command {
  return command
    .addOption(new Option('--format <format>', 'text for the terminal, md, json (diff.schema.json) or html').choices(DIFF_FORMAT_NAMES).default('text'))
    .option('--out <file>', 'write the diff to this file instead of the terminal');
}
