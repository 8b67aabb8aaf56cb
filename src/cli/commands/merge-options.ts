/** The options of `konform merge`, apart from the command, so that the CLI loads the merge only when it runs one. */
import type { Command } from 'commander';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../report/i18n/index.js';
import type { SignKeyFlags } from '../sign-key-option.js';

export interface MergeFlags extends SignKeyFlags {
  out: string;
  force?: boolean;
  lang?: string;
  suite?: string;
}

export function defineMergeOptions(command: Command): Command {
  return command
    .requiredOption('--out <dir>', 'folder for the merged reports')
    .option('--force', 'replace the report files of an earlier run in --out (without it such a folder is refused)', false)
    .option('--suite <suite>', "suite id or path, where the shards' suite id does not find it")
    .option('--sign-key <file>', 'sign the merged folder with this Ed25519 private key (PEM, see konform keygen): writes attestation.json')
    .option('--sign-key-env <var>', 'the same, with the PEM text of the key in this environment variable')
    .option('--lang <language>', `language of report.html and summary.md: ${LANGUAGES.join(' or ')}`, DEFAULT_LANGUAGE);
}
