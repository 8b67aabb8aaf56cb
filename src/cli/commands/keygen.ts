/**
 * `konform keygen --out <dir>`: a new Ed25519 key pair for signing output folders —
 * private.pem (PKCS#8, readable by its owner alone) and public.pem (SubjectPublicKeyInfo), and
 * the public key's fingerprint to publish with it. Key files already there are kept unless
 * --force: a replaced private key is gone for good.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { generateKeyPair } from '../../attest/keys.js';
import { makeFolder } from '../../core/make-folder.js';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { CliIo } from '../io.js';

export const PRIVATE_KEY_FILE = 'private.pem';
export const PUBLIC_KEY_FILE = 'public.pem';

async function writeKeyFile(path: string, text: string, mode: number, replace: boolean): Promise<void> {
  // A replaced file is removed first: writing over it would keep its old, maybe wider, mode.
  if (replace) await rm(path, { force: true });
  await writeFile(path, text, { mode, flag: 'wx' });
}

export async function keygenCommand(flags: { out: string; force?: boolean }, io: CliIo): Promise<number> {
  const dir = resolve(io.cwd, flags.out);
  const privatePath = join(dir, PRIVATE_KEY_FILE);
  const publicPath = join(dir, PUBLIC_KEY_FILE);
  const existing = [privatePath, publicPath].filter((path) => existsSync(path));
  if (existing.length > 0 && !flags.force) {
    const are = existing.length === 1 ? 'is' : 'are';
    throw new KonformError(ERROR_CODES.USAGE, `${existing.join(' and ')} ${are} already there: give another --out, or --force to replace the key pair`);
  }
  const pair = generateKeyPair();
  try {
    await makeFolder(dir);
    await writeKeyFile(privatePath, pair.privatePem, 0o600, flags.force ?? false);
    await writeKeyFile(publicPath, pair.publicPem, 0o644, flags.force ?? false);
  } catch (error) {
    throw new KonformError(ERROR_CODES.OUTPUT_UNWRITABLE, `cannot write the key pair to ${dir}: ${(error as Error).message}`, { file: dir }, { cause: error });
  }
  io.stdout.write(
    [
      `private key: ${privatePath} (keep it secret; sign with konform run|validate … --sign-key ${privatePath})`,
      `public key:  ${publicPath} (publish it with its fingerprint)`,
      `fingerprint: ${pair.keyid} (sha256 of the public key, SubjectPublicKeyInfo DER)`,
      '',
    ].join('\n'),
  );
  return 0;
}
