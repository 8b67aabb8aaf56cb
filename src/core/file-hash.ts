/**
 * The sha256 of files konform reads again and again in one process (suites, manifests,
 * artifacts, declared documents), kept with each file's fingerprint — device, inode, size,
 * modification and change times, taken from the handle that was read. A file whose
 * fingerprint is unchanged is not read and hashed again, as build tools and version control
 * judge a file unchanged.
 */
import type { BigIntStats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { sha256 } from './sha256.js';

const fingerprintOf = (stats: BigIntStats): string => `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;

const hashes = new Map<string, { fingerprint: string; sha256: string }>();

/** Reads and hashes the file, remembering the hash with the fingerprint of what was read. Throws what the file system throws. */
export async function readHashed(file: string): Promise<{ bytes: Buffer; sha256: string }> {
  const handle = await open(file, 'r');
  try {
    const fingerprint = fingerprintOf(await handle.stat({ bigint: true }));
    const bytes = await handle.readFile();
    const hash = sha256(bytes);
    hashes.set(file, { fingerprint, sha256: hash });
    return { bytes, sha256: hash };
  } finally {
    await handle.close();
  }
}

/** The sha256 of the file as last read, when it has not changed since; undefined otherwise. */
export async function unchangedHash(file: string): Promise<string | undefined> {
  const known = hashes.get(file);
  if (!known) return undefined;
  const current = await stat(file, { bigint: true }).then(fingerprintOf, () => undefined);
  return current === known.fingerprint ? known.sha256 : undefined;
}

/** The file's sha256 without reading it when unchanged since last read; `bytes` when it was read now. */
export async function currentHash(file: string): Promise<{ sha256: string; bytes?: Buffer }> {
  const unchanged = await unchangedHash(file);
  return unchanged === undefined ? readHashed(file) : { sha256: unchanged };
}

/** The bytes behind a currentHash: those it read, or read now (when it found the file unchanged). */
export async function bytesOf(file: string, current: { sha256: string; bytes?: Buffer }): Promise<{ bytes: Buffer; sha256: string }> {
  return current.bytes ? { bytes: current.bytes, sha256: current.sha256 } : readHashed(file);
}
