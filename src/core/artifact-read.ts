/**
 * Reading a standard's artifacts with their pinned sha256 verified. An artifact read and
 * verified before in the process and unchanged since (file-hash.ts) verifies without being
 * read again.
 */
import { join } from 'node:path';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { readHashed, unchangedHash } from './file-hash.js';
import type { Artifact, Standard } from '../model/types.js';

/** Reads an artifact of a standard and verifies its hash; a mismatch is an error. */
export async function readArtifact(dir: string, artifact: Artifact): Promise<Buffer> {
  const file = join(dir, artifact.path);
  let read: { bytes: Buffer; sha256: string };
  try {
    read = await readHashed(file);
  } catch (error) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `artifact missing: ${(error as Error).message}`, { file });
  }
  if (read.sha256 !== artifact.sha256) {
    const message = `sha256 is ${read.sha256}, the manifest pins ${artifact.sha256} (after a deliberate change, konform suite pin re-pins it)`;
    throw new KonformError(ERROR_CODES.ARTIFACT_HASH_MISMATCH, message, { file });
  }
  return read.bytes;
}

/** Verifies an artifact's hash, reading it only when it is not known unchanged since a verified read. */
export async function verifyArtifact(dir: string, artifact: Artifact): Promise<void> {
  if ((await unchangedHash(join(dir, artifact.path))) === artifact.sha256) return;
  await readArtifact(dir, artifact);
}

/** Reads the pinned artifacts of `standard` by path, hash verified. */
export function artifactReader(standard: Standard) {
  return (path: string) => {
    const artifact = standard.artifacts.find((candidate) => candidate.path === path);
    if (!artifact) {
      throw new KonformError(ERROR_CODES.STANDARD_INVALID, `${path} is not an artifact of ${standard.id} ${standard.version}`);
    }
    return readArtifact(standard.dir, artifact);
  };
}
