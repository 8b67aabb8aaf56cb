/**
 * `konform validate` sets V8's --optimize-for-size at run time (src/cli/commands/validate.ts).
 * A V8 that no longer has a flag prints "unrecognized flag" and goes on without it, so every
 * Node.js konform runs on must still know it, and the command must print nothing of the kind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { runCli } from '../helpers/cli.js';

describe(`V8 flags on Node.js ${process.version}`, () => {
  it('this V8 has --optimize-for-size', () => {
    const { stdout } = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(stdout).toMatch(/^\s*--optimize-for-size\b/m);
  });

  it('konform validate sets it without a word on stderr', async () => {
    const out = await mkdtemp(join(tmpdir(), 'konform-v8-'));
    try {
      const run = await runCli(['validate', 'xdomea-3.0', join(PACKAGE_ROOT, 'fixtures', 'xoev', 'mutated', 'xdomea-0503-valid.xml'), '--out', out]);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toMatch(/unrecognized flag|Warning/i);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
