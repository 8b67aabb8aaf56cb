import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/core/package-root.js';
import { findAll, parseXml } from '../report/xml-parse.js';
import { runCli } from '../helpers/cli.js';
import { suiteWorkspace } from '../helpers/suite-workspace.js';

describe('konform CLI', () => {
  it('prints its version and help', async () => {
    const version = await runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(TOOL_VERSION);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('run [options] <suite>');
  });

  it('exits 2 on a wrong flag or command, saying what is wrong', async () => {
    const flag = await runCli(['run', 'openapi-contract', '--no-such-flag']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown option '--no-such-flag'");
    const command = await runCli(['frobnicate']);
    expect(command.code).toBe(2);
    const number = await runCli(['run', 'openapi-contract', '--target', 'http://127.0.0.1:1', '--concurrency', 'many']);
    expect(number.code).toBe(2);
    expect(number.stderr).toContain('--concurrency must be a whole number');
  });

  it('exits 2 when the suite needs a spec or target that is not given', async () => {
    const noSpec = await runCli(['run', 'openapi-contract', '--target', 'http://127.0.0.1:1']);
    expect(noSpec.code).toBe(2);
    expect(noSpec.stderr).toContain('KONFORM_ERR_SPEC_MISSING');
    const badTarget = await runCli(['run', 'openapi-contract', '--target', 'ftp://example.org/']);
    expect(badTarget.code).toBe(2);
    expect(badTarget.stderr).toContain('must use http or https');
  });

  it('lists the shipped suites and standards with versions', async () => {
    const list = await runCli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/openapi-contract\s+1\.0\.0/);
    expect(list.stdout).toMatch(/openapi-http\s+1\.0/);
  });

  it('lints a suite and lists its coverage', async () => {
    const lint = await runCli(['suite', 'lint', 'openapi-contract']);
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain('ok');
    const coverage = await runCli(['suite', 'coverage', 'openapi-contract', '--json']);
    expect(coverage.code).toBe(0);
    const parsed = JSON.parse(coverage.stdout) as { requirements: Array<{ id: string; checks: string[] }>; gaps: unknown[] };
    expect(parsed.requirements.find((entry) => entry.id === 'OAS-RESP-STATUS')?.checks).toEqual(['status-documented']);
    expect(parsed.gaps).toEqual([]);
  });

  it('exits 2 with file and line for an invalid suite file', async () => {
    const lint = await runCli(['suite', 'lint', 'test/cli/broken-suite/suite.yaml']);
    expect(lint.code).toBe(2);
    expect(lint.stderr).toMatch(/broken-suite\/suite\.yaml:\d+:\d+/);
  });
});

describe('konform suite selftest', () => {
  it('refuses a suite that declares no self-test, with a usage error', async () => {
    const selftest = await runCli(['suite', 'selftest', 'openapi-contract']);
    expect(selftest.code).toBe(2);
    expect(selftest.stderr).toContain('declares no self-test');
  });
});

describe('konform validate with a failed MUST and a failed SHOULD', () => {
  it('gives MUST failures and warnings apart, in the closing line, the progress and junit.xml', async () => {
    const workspace = await suiteWorkspace('xdomea-3.0', 'xdomea/3.0.0');
    try {
      await workspace.edit(workspace.suiteFile, (text) => text.replace('kind: xoev.message-header', 'kind: xoev.message-header\n        severity: warning'));
      const out = join(workspace.root, 'out');
      const files = ['fixtures/xoev/mutated/xdomea-0503-header-broken.xml', 'fixtures/xoev/mutated/xdomea-0503-unknown-code.xml'];
      const cli = await runCli(['validate', workspace.suiteFile, ...files, '--out', out]);
      expect(cli.code).toBe(1);
      expect(cli.stdout).toContain('verdict: notConformant — 1 failed (MUST), 1 warning (SHOULD), 6 passed, 0 cantTell, 0 inapplicable, 0 untested\n');
      expect(cli.stderr).toMatch(/^WARN message-header\/fixtures\/xoev\/mutated\/xdomea-0503-header-broken\.xml — /m);
      expect(cli.stderr).toMatch(/^FAIL codelists\/fixtures\/xoev\/mutated\/xdomea-0503-unknown-code\.xml — /m);
      const junit = parseXml(await readFile(join(out, 'junit.xml'), 'utf8'));
      expect(junit.attributes).toMatchObject({ failures: '1', errors: '0' });
      expect(findAll(junit, 'failure')).toHaveLength(1);
    } finally {
      await workspace.remove();
    }
  });
});
