/**
 * What makes report folders the shards of one run, before `konform merge` joins them: each was
 * judged with `--shard`, all by the same konform version, suite, standards and profile, and
 * together they are shards 1 to n of n, each once, with no file judged twice. Anything else
 * is refused (a usage error), naming the folders.
 */
import { jsonEqual } from '../core/json-equal.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Report, ShardOfRun } from '../model/report.js';

/** A report read from its folder. */
export interface ShardFolder {
  folder: string;
  report: Report;
}

export interface Shard extends ShardFolder {
  shard: ShardOfRun;
}

const refuse = (message: string) => new KonformError(ERROR_CODES.USAGE, `konform merge: ${message}`);

const shardName = ({ index, total }: ShardOfRun) => `${index}/${total}`;

/** What the shards of one run share, each part named as a refusal names it. */
const SAME: ReadonlyArray<{ what: string; of: (report: Report) => unknown; shown: (report: Report) => string }> = [
  { what: 'konform version', of: (report) => report.tool.version, shown: (report) => report.tool.version },
  { what: 'suite', of: (report) => report.suite, shown: ({ suite }) => `${suite.id} ${suite.version} (sha256 ${suite.sha256})` },
  { what: 'standard', of: (report) => report.standard, shown: ({ standard }) => `${standard.id} ${standard.version} (manifest sha256 ${standard.manifestSha256})` },
  {
    what: 'referenced standards',
    of: (report) => report.referencedStandards ?? [],
    shown: (report) => (report.referencedStandards ?? []).map((standard) => `${standard.id} ${standard.version} (${standard.manifestSha256})`).join(', ') || 'none',
  },
  { what: 'profile', of: (report) => ({ id: report.profile.id, classes: report.profile.classes }), shown: ({ profile }) => `${profile.id} (${profile.classes.join(', ')})` },
];

function requireShards(folders: readonly ShardFolder[]): Shard[] {
  const unsharded = folders.filter(({ report }) => report.shard === undefined).map(({ folder }) => folder);
  if (unsharded.length > 0) {
    throw refuse(`${unsharded.join(', ')} ${unsharded.length === 1 ? 'holds no shard' : 'hold no shards'} (a run without --shard); give the folders of the shards of one run`);
  }
  return folders.map((folder) => ({ ...folder, shard: folder.report.shard as ShardOfRun }));
}

function requireSameRun(shards: readonly Shard[]): void {
  const [first, ...others] = shards as [Shard, ...Shard[]];
  for (const { what, of, shown } of SAME) {
    const other = others.find(({ report }) => !jsonEqual(of(report), of(first.report)));
    if (other) throw refuse(`the shards differ in their ${what}: ${first.folder} has ${shown(first.report)}, ${other.folder} has ${shown(other.report)}`);
  }
}

/** Shards 1 to n of n, each once. */
function requireWhole(shards: readonly Shard[]): void {
  const [first] = shards as [Shard];
  const total = first.shard.total;
  const otherTotal = shards.find(({ shard }) => shard.total !== total);
  if (otherTotal) throw refuse(`${first.folder} is shard ${shardName(first.shard)}, ${otherTotal.folder} is shard ${shardName(otherTotal.shard)}: the shards of one run have one total`);
  const byIndex = new Map<number, string[]>();
  for (const { folder, shard } of shards) byIndex.set(shard.index, [...(byIndex.get(shard.index) ?? []), folder]);
  for (const [index, folders] of byIndex) {
    if (folders.length > 1) throw refuse(`shard ${index}/${total} is given ${folders.length} times (${folders.join(', ')})`);
  }
  const missing = Array.from({ length: total }, (_, at) => at + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    const given = [...byIndex.keys()].sort((a, b) => a - b).map((index) => `${index}/${total}`);
    throw refuse(`shard${missing.length === 1 ? '' : 's'} ${missing.map((index) => `${index}/${total}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (given: ${given.join(', ')})`);
  }
}

/** A file judged in two shards would count twice. */
function requireDisjoint(shards: readonly Shard[]): void {
  const shardOfFile = new Map<string, Shard>();
  for (const shard of shards) {
    for (const file of shard.report.target.files ?? []) {
      const earlier = shardOfFile.get(file);
      if (earlier) throw refuse(`${file} was judged in shard ${shardName(earlier.shard)} (${earlier.folder}) and in shard ${shardName(shard.shard)} (${shard.folder})`);
      shardOfFile.set(file, shard);
    }
  }
}

/** The folders as the shards of one run, ordered by index; a KonformError (usage) names what keeps them from being so. */
export function checkShards(folders: readonly ShardFolder[]): Shard[] {
  if (folders.length === 0) throw refuse('give the folders of the shards to merge');
  const shards = requireShards(folders);
  requireSameRun(shards);
  requireWhole(shards);
  requireDisjoint(shards);
  return [...shards].sort((a, b) => a.shard.index - b.shard.index);
}
