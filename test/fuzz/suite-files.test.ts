/**
 * Fuzzed suite files (suite-mutations.ts): loadSuite either loads a mutated suite.yaml or
 * throws a KonformError that says where (the file, and in the suite file its line and column
 * or JSON pointer) — never another exception, never a hang.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCheckKinds } from '../../src/checks/registry.js';
import { loadStandard } from '../../src/core/load-standard.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { KonformError } from '../../src/model/errors.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { suiteWorkspace } from '../helpers/suite-workspace.js';
import { fuzzProperty } from './fuzz-settings.js';
import { withinGuard } from './properties.js';
import { aliasHazards, mutatedSuites, type Vocabulary } from './suite-mutations.js';

/** A load reads a few small files: a second is far beyond it. */
const GUARD_MS = 10_000;

const workspace = await suiteWorkspace();
afterAll(() => workspace.remove());
const original = await readFile(workspace.suiteFile, 'utf8');
const [kinds, own, other] = await Promise.all([allCheckKinds(), loadStandard(workspace.standardDir), loadStandard(join(PACKAGE_ROOT, 'standards', 'oparl', '1.1'))]);
const vocabulary: Vocabulary = { kinds: [...kinds.keys()], requirements: [...own.requirements, ...other.requirements.slice(0, 5)].map((requirement) => requirement.id) };

/** Loads `content` as the suite file: `loaded`, or the KonformError, which must say where. */
async function loadOrExplain(content: string | Buffer): Promise<'loaded' | KonformError> {
  await writeFile(workspace.suiteFile, content);
  try {
    await withinGuard('loadSuite', GUARD_MS, loadSuite(workspace.suiteFile));
    return 'loaded';
  } catch (error) {
    expect(error, String((error as Error).stack)).toBeInstanceOf(KonformError);
    const { location } = error as KonformError;
    expect(location?.file, (error as KonformError).message).toBeDefined();
    // In the suite file, a line and column, or for a file with no node at all (empty, only comments) the JSON pointer.
    if (location?.file === workspace.suiteFile) expect(location.line ?? location.pointer, (error as KonformError).message).toBeDefined();
    return error as KonformError;
  }
}

describe('fuzzed suite files', () => {
  it('start from a suite file that loads', async () => {
    expect(await loadOrExplain(original)).toBe('loaded');
  });

  fuzzProperty(
    'load, or fail with a KonformError that names the file (and in the suite file the line or JSON pointer)',
    { short: 300, long: 5000, caseMs: GUARD_MS },
    mutatedSuites(original, vocabulary),
    async (content) => {
      await loadOrExplain(content);
    },
  );

  fuzzProperty(
    'refuse YAML aliases that do not resolve (bombs, aliases of no anchor) with a KonformError that names the file',
    { short: 20, long: 200, caseMs: GUARD_MS },
    aliasHazards(original),
    async (content) => {
      expect(await loadOrExplain(content)).toBeInstanceOf(KonformError);
    },
  );
});
