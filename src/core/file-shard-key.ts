/**
 * The key a message file is sharded by (shard.ts): its path relative to the working directory,
 * with `/` between its parts, so that the checkout of a repository on any CI machine puts each
 * file in the same shard; an absolute path would name the machine's folder too.
 */
import { relative, resolve, sep } from 'node:path';

export function fileShardKey(file: string, cwd: string): string {
  return relative(cwd, resolve(cwd, file)).split(sep).join('/');
}
