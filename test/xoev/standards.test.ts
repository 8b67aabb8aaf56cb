/**
 * The XÖV standards pin every file of their folder: each is listed in manifest.yaml with the
 * sha256 loadStandard verifies, and nothing in the folder is left out.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStandard } from '../../src/core/load-standard.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe.each(['xbau/2.6', 'xdomea/3.0.0', 'xwasser/1.0.0'])('standards/%s', (path) => {
  it('lists every file with a hash that matches', async () => {
    const dir = join('standards', path);
    const standard = await loadStandard(dir);
    expect(standard.artifacts.map((artifact) => artifact.path).sort()).toEqual(filesUnder(dir).filter((file) => file !== 'manifest.yaml').sort());
  });
});
