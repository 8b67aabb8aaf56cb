/**
 * sha256 of files, read in streamed chunks so that memory stays flat whatever their size,
 * a few files at once so that reading one overlaps hashing another.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

const CHUNK_BYTES = 1 << 20;
const FILES_AT_ONCE = 4;

export type FileDigest = { sha256: string } | { error: string };

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The digest of each file, in the order given; a file that cannot be read has the error instead. */
export async function fileDigests(paths: readonly string[]): Promise<FileDigest[]> {
  const digests: FileDigest[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < paths.length; index = next++) {
      digests[index] = await sha256OfFile(paths[index] as string).then(
        (sha256) => ({ sha256 }),
        (error: Error) => ({ error: error.message }),
      );
    }
  };
  await Promise.all(Array.from({ length: Math.min(FILES_AT_ONCE, paths.length) }, worker));
  return digests;
}
