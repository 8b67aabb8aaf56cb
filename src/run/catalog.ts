/** The suites and standards that ship with konform, with their versions. */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadStandard } from '../core/load-standard.js';
import { loadSuite } from './load-suite.js';
import { PACKAGE_ROOT } from '../core/package-root.js';

export interface CatalogEntry {
  kind: 'suite' | 'standard';
  id: string;
  version: string;
  title: string;
  /** For a suite: the standard it is bound to, as "id version". */
  standard?: string;
  /** Set when the entry did not load; says why. */
  error?: string;
}

async function folders(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

function describeError(error: unknown): string {
  return error instanceof Error && 'describe' in error ? (error as { describe(): string }).describe() : String(error);
}

export async function listCatalog(root: string = PACKAGE_ROOT): Promise<CatalogEntry[]> {
  const suites = await Promise.all(
    (await folders(join(root, 'suites'))).map(async (name): Promise<CatalogEntry> => {
      try {
        const { suite } = await loadSuite(join(root, 'suites', name));
        const standard = `${suite.standard.id} ${suite.standard.version}`;
        return { kind: 'suite', id: suite.id, version: suite.version, title: suite.title, standard };
      } catch (error) {
        return { kind: 'suite', id: name, version: '?', title: '', error: describeError(error) };
      }
    }),
  );
  const standards: CatalogEntry[] = [];
  for (const id of await folders(join(root, 'standards'))) {
    for (const version of await folders(join(root, 'standards', id))) {
      try {
        const standard = await loadStandard(join(root, 'standards', id, version));
        standards.push({ kind: 'standard', id: standard.id, version: standard.version, title: standard.title });
      } catch (error) {
        standards.push({ kind: 'standard', id, version, title: '', error: describeError(error) });
      }
    }
  }
  return [...suites, ...standards];
}
