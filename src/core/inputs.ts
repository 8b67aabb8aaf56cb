/**
 * Message files named on the command line: files, folders (every `.xml` file below them,
 * symbolic links followed) and glob patterns, expanded into one sorted list in which each
 * file appears once, however many links lead to it. A name that matches nothing is a usage
 * error, never an empty, green run.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ERROR_CODES, KonformError } from '../model/errors.js';

const SEARCH = { absolute: true, onlyFiles: true, followSymbolicLinks: true } as const;

async function expandOne(input: string, cwd: string): Promise<string[]> {
  const path = resolve(cwd, input);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return [path];
    return glob('**/*.[xX][mM][lL]', { ...SEARCH, cwd: path });
  }
  if (isDynamicPattern(input)) return glob(input, { ...SEARCH, cwd });
  return [];
}

/** Paths as the report shows them: relative to `cwd` where below it, absolute otherwise. */
export async function expandInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Map<string, string>();
  for (const input of inputs) {
    const found = await expandOne(input, cwd);
    if (found.length === 0) throw new KonformError(ERROR_CODES.USAGE, `no message file matches "${input}"`);
    for (const file of found.sort()) {
      const target = realpathSync.native(file);
      if (!files.has(target)) files.set(target, file);
    }
  }
  return [...files.values()].sort().map((file) => {
    const shown = relative(cwd, file);
    return shown.startsWith('..') ? file : shown;
  });
}
