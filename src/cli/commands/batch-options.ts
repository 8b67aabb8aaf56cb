/** The options of `konform batch`, apart from the command, so that the CLI loads the batch only when it runs one. */
import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../../http/types.js';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../../report/i18n/index.js';
import { AUTO_SHARD } from '../shard-option.js';

export interface BatchFlags {
  out?: string;
  force?: boolean;
  parallel?: string;
  rate?: string;
  shard?: string;
  lang?: string;
}

/** Runs at once unless --parallel says otherwise. */
export const DEFAULT_PARALLEL = 4;

export function defineBatchOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'output folder: a folder per run, index.json and index.html (default: a new folder under reports/)')
    .option('--force', "replace an earlier batch's index and its runs' reports in --out", false)
    .option('--parallel <n>', 'runs at once', String(DEFAULT_PARALLEL))
    .option('--rate <n>', 'requests per second per host over all runs, 0 for no limit', String(DEFAULT_LIMITS.ratePerHost))
    .option('--shard <i/n>', `only the runs of shard i of n (1 ≤ i ≤ n), or ${AUTO_SHARD}: GitLab's CI_NODE_INDEX/CI_NODE_TOTAL`)
    .option('--lang <language>', `language of index.html and each run's report.html and summary.md: ${LANGUAGES.join(' or ')}`, DEFAULT_LANGUAGE);
}
