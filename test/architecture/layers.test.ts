/**
 * The layers of konform's source: the model at the bottom, the judgement on it, shared
 * utilities beside them, the families (checks, http, xml, …) above, and the orchestration
 * of a run (src/run) and the command line (src/cli) on top. A module imports only from its
 * own layer and those below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The top folder under src/ of every module a file imports (`index.ts` for src/index.ts). */
function importedFolders(file: string): Array<{ specifier: string; folder: string }> {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s*|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => ({ specifier, folder: relative(SRC, resolve(dirname(file), specifier)).split('/')[0]! }));
}

function folderOf(file: string): string {
  return relative(SRC, file).split('/')[0]!;
}

/** What each layer may import beside itself. */
const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  judge: ['model'],
  core: ['model'],
  diff: ['model', 'judge', 'report'],
  attest: ['model', 'core', 'report'],
};

/** Who may import the orchestration and the command line. */
const TOP: Record<string, readonly string[]> = {
  run: ['run', 'batch', 'merge', 'cli', 'build', 'index.ts'],
  batch: ['batch', 'cli', 'build'],
  cli: ['cli'],
};

const files = sourceFiles(SRC);

describe('source layers', () => {
  it('has the layers it is checked against', () => {
    for (const folder of [...Object.keys(ALLOWED), ...Object.keys(TOP)]) {
      expect(files.some((file) => folderOf(file) === folder), folder).toBe(true);
    }
  });

  for (const [layer, below] of Object.entries(ALLOWED)) {
    it(`src/${layer} imports only from ${[layer, ...below].join(', ')}`, () => {
      const outside = files
        .filter((file) => folderOf(file) === layer)
        .flatMap((file) =>
          importedFolders(file)
            .filter(({ folder }) => folder !== layer && !below.includes(folder))
            .map(({ specifier }) => `${relative(SRC, file)} → ${specifier}`),
        );
      expect(outside).toEqual([]);
    });
  }

  for (const [layer, importers] of Object.entries(TOP)) {
    it(`only ${importers.join(', ')} import src/${layer}`, () => {
      const upward = files
        .filter((file) => !importers.includes(folderOf(file)))
        .flatMap((file) =>
          importedFolders(file)
            .filter(({ folder }) => folder === layer)
            .map(({ specifier }) => `${relative(SRC, file)} → ${specifier}`),
        );
      expect(upward).toEqual([]);
    });
  }
});
