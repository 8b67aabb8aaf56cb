/** `konform validate <suite> <files|folders|globs…>`: a conformance run over message files, or over one shard of them. */
import type { Command } from 'commander';
import { fileShardKey } from '../../core/file-shard-key.js';
import { itemsOfShard } from '../../core/shard.js';
import { resolveSuiteFile } from '../../run/load-suite.js';
import type { CliIo } from '../io.js';
import { AUTO_SHARD, shardFrom } from '../shard-option.js';
import { favourSmallHeap } from '../small-heap.js';
import { concurrencyFrom, defineCommonRunOptions, runAndReport, type CommonRunFlags } from '../run-and-report.js';

export interface ValidateFlags extends CommonRunFlags {
  shard?: string;
}

export function defineValidateOptions(command: Command): Command {
  return defineCommonRunOptions(command).option(
    '--shard <i/n>',
    `judge only shard i of n of the files (1 ≤ i ≤ n; konform merge joins the shards), or ${AUTO_SHARD}: GitLab's CI_NODE_INDEX/CI_NODE_TOTAL`,
  );
}

export async function validateCommand(suite: string, inputs: string[], flags: ValidateFlags, io: CliIo): Promise<number> {
  // A mistyped suite is named before the inputs are looked for.
  resolveSuiteFile(suite);
  const shard = flags.shard === undefined ? undefined : shardFrom(flags.shard, io.env);
  // The glob engine is loaded by the one command that expands inputs.
  const { expandInputs } = await import('../../core/inputs.js');
  const found = await expandInputs(inputs, io.cwd);
  const files = shard ? itemsOfShard(found, shard, (file) => fileShardKey(file, io.cwd)) : found;
  favourSmallHeap();
  return runAndReport(io, flags, {
    suite,
    target: { files },
    limits: concurrencyFrom(flags),
    ...(shard ? { shard: { ...shard, items: files.length } } : {}),
  });
}
