/**
 * `--sign-key <file>` or `--sign-key-env <var>` of `konform run` and `validate`: the Ed25519
 * key that signs the output folder, loaded and checked before the run starts. Like the
 * secrets of authentication it never comes from a flag's value, and an error names where the
 * key was looked for, never what was found there.
 */
import { readKeyFile, signingKeyFromPem, type SigningKey } from '../attest/keys.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export interface SignKeyFlags {
  signKey?: string;
  signKeyEnv?: string;
}

export async function signingKeyFrom(flags: SignKeyFlags, env: NodeJS.ProcessEnv): Promise<SigningKey | undefined> {
  if (flags.signKey && flags.signKeyEnv) throw new KonformError(ERROR_CODES.USAGE, 'give --sign-key or --sign-key-env, not both');
  if (flags.signKey) return signingKeyFromPem(await readKeyFile(flags.signKey), `the key file ${flags.signKey}`);
  if (!flags.signKeyEnv) return undefined;
  const pem = env[flags.signKeyEnv];
  if (!pem) throw new KonformError(ERROR_CODES.KEY_INVALID, `--sign-key-env: the environment variable ${flags.signKeyEnv} is not set`);
  return signingKeyFromPem(pem, `the environment variable ${flags.signKeyEnv}`);
}
