/**
 * Message files named on the command line: files, folders (every `.xml` file below them) and
 * glob patterns, expanded into one sorted list without duplicates. A name that matches
 * nothing is a usage error, never an empty, green run.
 */
import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ERROR_CODES, KonformError } from './errors.js';

async function expandOne(input: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, input);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return [path];
    return glob('**/*.[xX][mM][lL]', { cwd: path, absolute: true, onlyFiles: true, followSymbolicLinks: false });
  }
  if (isDynamicPattern(input)) return glob(input, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false });
  return [];
}

/** Paths as the report shows them: relative to `cwd` where below it, absolute otherwise. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const found = await expandOne(input, cwd);
    if (found.length === 0) throw new KonformError(ERROR_CODES.USAGE, `no message file matches "${input}"`);
    for (const file of found) files.add(file);
  }
  return [...files].sort().map((file) => {
    const shown = relative(cwd, file);
    return shown.startsWith('..') ? file : shown;
  });
}
