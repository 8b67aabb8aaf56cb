import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/sha256.js';
import { runCli } from '../helpers/cli.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

describe('konform suite pin', () => {
  let workspace: SuiteWorkspace;
  afterEach(() => workspace?.remove());

  it('shows a stale pin with --check (exit 1), rewrites it without (exit 0), and the suite lints again', async () => {
    workspace = await suiteWorkspace();
    const catalogue = join(workspace.standardDir, 'requirements.yaml');
    const pinned = sha256(await readFile(catalogue));
    await workspace.edit(catalogue, (text) => `${text}# reviewed\n`);
    const actual = sha256(await readFile(catalogue));
    expect((await runCli(['suite', 'lint', workspace.suiteFile])).code).toBe(2);

    const check = await runCli(['suite', 'pin', workspace.suiteFile, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`1 of 1 pins stale\n  requirements.yaml: ${pinned} → ${actual}\nnot written (--check)`);

    const pin = await runCli(['suite', 'pin', workspace.suiteFile]);
    expect(pin.code).toBe(0);
    expect(pin.stdout).toContain('rewritten');
    expect((await runCli(['suite', 'lint', workspace.suiteFile])).code).toBe(0);
    const again = await runCli(['suite', 'pin', workspace.suiteFile, '--check']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('all 1 pins match their files');
  });

  it('exits 2 naming an artifact that is missing', async () => {
    workspace = await suiteWorkspace();
    await rm(join(workspace.standardDir, 'requirements.yaml'));
    const pin = await runCli(['suite', 'pin', workspace.suiteFile]);
    expect(pin.code).toBe(2);
    expect(pin.stderr).toContain('requirements.yaml (no such file)');
  });
});
