/**
 * Reading a standard's artifacts with their pinned sha256 verified. Each verified read leaves
 * the file's fingerprint (device, inode, size, modification and change times, taken from the
 * handle that was read): a later verification of a file whose fingerprint is unchanged need
 * not read and hash it again, as build tools and version control judge a file unchanged.
 */
import { open, stat } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from './errors.js';
import type { Artifact } from './model.js';
import { sha256 } from './sha256.js';

const fingerprintOf = (stats: BigIntStats): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;

/** `<sha256> <fingerprint>` of each file read and verified in this process. */
const verified = new Map<string, string>();

/** Reads an artifact of a standard and verifies its hash; a mismatch is an error. */
export async function readArtifact(dir: string, artifact: Artifact): Promise<Buffer> {
  const file = join(dir, artifact.path);
  let bytes: Buffer;
  let fingerprint: string;
  try {
    const handle = await open(file, 'r');
    try {
      fingerprint = fingerprintOf(await handle.stat({ bigint: true }));
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `artifact missing: ${(error as Error).message}`, { file });
  }
  const actual = sha256(bytes);
  if (actual !== artifact.sha256) {
    verified.delete(file);
    throw new KonformError(ERROR_CODES.ARTIFACT_HASH_MISMATCH, `sha256 is ${actual}, the manifest pins ${artifact.sha256}`, { file });
  }
  verified.set(file, `${actual} ${fingerprint}`);
  return bytes;
}

/** Verifies an artifact's hash, reading it only when it is not known unchanged since a verified read. */
export async function verifyArtifact(dir: string, artifact: Artifact): Promise<void> {
  const file = join(dir, artifact.path);
  const known = verified.get(file);
  if (known !== undefined) {
    const current = await stat(file, { bigint: true }).then(fingerprintOf, () => undefined);
    if (known === `${artifact.sha256} ${current}`) return;
  }
  await readArtifact(dir, artifact);
}
