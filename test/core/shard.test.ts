/**
 * Shards (src/core/shard.ts): every item is in exactly one of the n shards, whatever the items
 * and n, and in the same one on every machine; `--shard` takes i/n with 1 ≤ i ≤ n, and
 * `--shard auto` GitLab's CI_NODE_INDEX/CI_NODE_TOTAL (src/cli/shard-option.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardFrom } from '../../src/cli/shard-option.js';
import { fileShardKey } from '../../src/core/file-shard-key.js';
import { itemsOfShard, parseShard, shardOfKey } from '../../src/core/shard.js';
import { ERROR_CODES } from '../../src/model/errors.js';

const shardsOf = <T>(items: readonly T[], total: number, key: (item: T) => string): T[][] =>
  Array.from({ length: total }, (_, at) => itemsOfShard(items, { index: at + 1, total }, key));

describe('itemsOfShard', () => {
  it('puts every item in exactly one of the n shards, each shard keeping the order of the items', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (items, total) => {
        const shards = shardsOf(items, total, (item) => item);
        for (const item of items) expect(shards.filter((shard) => shard.includes(item))).toHaveLength(1);
        expect(shards.flat().sort()).toEqual([...items].sort());
        for (const shard of shards) expect(shard).toEqual(items.filter((item) => shard.includes(item)));
      }),
    );
  });

  it('keeps an item in its shard whatever else is sharded with it', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string()), fc.integer({ min: 1, max: 12 }), (item, others, total) => {
        const index = shardOfKey(item, total);
        expect(index).toBeGreaterThanOrEqual(1);
        expect(index).toBeLessThanOrEqual(total);
        expect(itemsOfShard([...others, item], { index, total }, (each) => each)).toContain(item);
      }),
    );
  });

  it('gives a file the same shard as the first 32 bits of the SHA-256 of its relative path say, on any machine', () => {
    // sha256("invoices/a.xml") begins d0ffcea8 = 3506425512, and 3506425512 mod 3 = 0: shard 1 of 3.
    const key = fileShardKey('/home/runner/work/repo/invoices/a.xml', '/home/runner/work/repo');
    expect(key).toBe('invoices/a.xml');
    expect(fileShardKey('invoices/a.xml', '/builds/city/repo')).toBe(key);
    expect(shardOfKey(key, 3)).toBe(1);
  });
});

describe('parseShard', () => {
  it.each(['1/1', '2/3', ' 3 / 3 ', '10/12'])('takes %s', (text) => {
    const [index, total] = text.split('/').map((part) => Number(part.trim()));
    expect(parseShard(text)).toEqual({ index, total });
  });

  it.each(['0/3', '4/3', '1/0', '3', '1/2/3', 'a/b', '-1/3', '1.5/3', '', 'auto'])('refuses %j as a usage error naming the flag', (text) => {
    expect(() => parseShard(text)).toThrow(expect.objectContaining({ code: ERROR_CODES.USAGE, message: expect.stringContaining('--shard must be i/n') }));
  });
});

describe('--shard auto', () => {
  it("is GitLab's CI_NODE_INDEX of CI_NODE_TOTAL", () => {
    expect(shardFrom('auto', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' })).toEqual({ index: 2, total: 4 });
  });

  it('is the one shard 1/1 in a job without them', () => {
    expect(shardFrom('auto', {})).toEqual({ index: 1, total: 1 });
  });

  it('refuses one of them alone, or values out of range', () => {
    expect(() => shardFrom('auto', { CI_NODE_INDEX: '2' })).toThrow(/only CI_NODE_INDEX is set/);
    expect(() => shardFrom('auto', { CI_NODE_TOTAL: '2' })).toThrow(/only CI_NODE_TOTAL is set/);
    expect(() => shardFrom('auto', { CI_NODE_INDEX: '5', CI_NODE_TOTAL: '4' })).toThrow(/CI_NODE_INDEX\/CI_NODE_TOTAL\) must be i\/n/);
  });

  it('is not read unless asked: an explicit i/n wins over the variables', () => {
    expect(shardFrom('1/2', { CI_NODE_INDEX: '2', CI_NODE_TOTAL: '4' })).toEqual({ index: 1, total: 2 });
  });
});
