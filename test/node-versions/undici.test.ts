/**
 * Node.js bundles its own undici for the global fetch (6.x in Node.js 20 and 22, 7.x in 24).
 * konform's HTTP client never uses it: it sends every request through the undici 7 of its own
 * dependencies, so timeouts, size limits and redirects behave alike on every version.
 */
import { createRequire } from 'node:module';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';

const require = createRequire(import.meta.url);

describe(`undici on Node.js ${process.version} (bundled: undici ${process.versions.undici})`, () => {
  it("konform's undici is the 7.x of its own dependencies", () => {
    const manifest = require.resolve('undici/package.json', { paths: [join(PACKAGE_ROOT, 'src')] });
    expect(manifest.startsWith(join(PACKAGE_ROOT, 'node_modules'))).toBe(true);
    expect((require(manifest) as { version: string }).version).toMatch(/^7\./);
  });

  it('no module of konform calls the global fetch or its classes', async () => {
    const sources = (await readdir(join(PACKAGE_ROOT, 'src'), { recursive: true })).filter((path) => path.endsWith('.ts'));
    const users: string[] = [];
    for (const path of sources) {
      const text = await readFile(join(PACKAGE_ROOT, 'src', path), 'utf8');
      if (/(?<![.\w])(?:fetch\(|new (?:Request|Response|Headers)\(|globalThis\.fetch)/.test(text)) users.push(path);
    }
    expect(users).toEqual([]);
  });
});
