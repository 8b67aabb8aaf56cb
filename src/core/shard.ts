/**
 * Shards: the items of one job (message files, batch runs) split over the `total` jobs of a CI
 * matrix. An item's shard depends on its key alone — the first 32 bits of the key's SHA-256,
 * modulo `total` — so every machine puts it in the same shard, and each item is in exactly one.
 * Shards are numbered from 1, as GitLab's CI_NODE_INDEX and a matrix `1..N` count.
 */
import { createHash } from 'node:crypto';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export interface Shard {
  /** 1 to total. */
  index: number;
  total: number;
}

/** The shard (1 to total) an item with this key belongs to. */
export function shardOfKey(key: string, total: number): number {
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % total) + 1;
}

/** The items of `shard`, in their order; `key` names each item the same way on every machine. */
export function itemsOfShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  return items.filter((item) => shardOfKey(key(item), shard.total) === shard.index);
}

/** `i/n`, as `--shard` takes it: 1 ≤ i ≤ n. */
export function parseShard(text: string, flag = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || index < 1 || index > total) {
    throw new KonformError(ERROR_CODES.USAGE, `${flag} must be i/n with 1 ≤ i ≤ n (e.g. 2/4), got "${text}"`);
  }
  return { index, total };
}
