/** A scratch copy of a shipped suite and its standard, for tests that break one thing in it. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';

export interface SuiteWorkspace {
  root: string;
  suiteFile: string;
  standardDir: string;
  edit(file: string, change: (text: string) => string): Promise<void>;
  remove(): Promise<void>;
}

export async function suiteWorkspace(suite = 'openapi-contract', standard = 'openapi-http/1.0'): Promise<SuiteWorkspace> {
  const root = await mkdtemp(join(tmpdir(), 'konform-suite-'));
  await cp(join(PACKAGE_ROOT, 'suites', suite), join(root, 'suites', suite), { recursive: true });
  await cp(join(PACKAGE_ROOT, 'standards', standard), join(root, 'standards', standard), { recursive: true });
  return {
    root,
    suiteFile: join(root, 'suites', suite, 'suite.yaml'),
    standardDir: join(root, 'standards', standard),
    async edit(file, change) {
      await writeFile(file, change(await readFile(file, 'utf8')));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
