/**
 * Secrets for authentication come from environment variables or files, never from flags
 * (flags show up in shell histories and process lists).
 */
import { readFileSync } from 'node:fs';
import { ERROR_CODES, KonformError } from '../model/errors.js';

export interface SecretSource {
  env?: string;
  file?: string;
}

export function readSecret(source: SecretSource, what: string, env: NodeJS.ProcessEnv): string | undefined {
  if (source.env && source.file) {
    throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what}: give either an environment variable or a file, not both`);
  }
  if (source.env) {
    const value = env[source.env];
    if (!value) throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what}: environment variable ${source.env} is not set`);
    return value;
  }
  if (source.file) {
    let value: string;
    try {
      value = readFileSync(source.file, 'utf8').trim();
    } catch (error) {
      throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what}: cannot read ${source.file}: ${(error as Error).message}`);
    }
    // An empty secret would leave the run unauthenticated without a word.
    if (!value) throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what}: ${source.file} is empty`);
    return value;
  }
  return undefined;
}

export function readFileOption(file: string | undefined, what: string): string | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new KonformError(ERROR_CODES.AUTH_INVALID, `${what}: cannot read ${file}: ${(error as Error).message}`);
  }
}
