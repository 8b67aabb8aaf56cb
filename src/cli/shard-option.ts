/**
 * `--shard i/n` of `konform validate`, or `--shard auto`: the shard of a GitLab `parallel: N`
 * job, from the variables GitLab sets in it, CI_NODE_INDEX (1 to N) and CI_NODE_TOTAL (N); a
 * job without them (no `parallel`) is the one shard 1/1. konform never reads the variables
 * unless asked: a job that is not meant to be a shard judges every file.
 */
import { parseShard, type Shard } from '../core/shard.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export const AUTO_SHARD = 'auto';

export function shardFrom(value: string, env: NodeJS.ProcessEnv): Shard {
  if (value.trim() !== AUTO_SHARD) return parseShard(value);
  const { CI_NODE_INDEX: index, CI_NODE_TOTAL: total } = env;
  if (index === undefined && total === undefined) return { index: 1, total: 1 };
  if (index === undefined || total === undefined) {
    throw new KonformError(ERROR_CODES.USAGE, `--shard auto needs both CI_NODE_INDEX and CI_NODE_TOTAL, but only ${index === undefined ? 'CI_NODE_TOTAL' : 'CI_NODE_INDEX'} is set`);
  }
  return parseShard(`${index}/${total}`, '--shard auto (CI_NODE_INDEX/CI_NODE_TOTAL)');
}
