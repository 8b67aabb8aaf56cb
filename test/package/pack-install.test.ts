/**
 * The npm package as a user gets it: `npm pack`, then `npm install <tarball>` into an empty
 * folder, where the `konform` command, the library and its types must work on their own.
 * The package is packed from the build `npm test` made (its prepack script builds it anew).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, TOOL_VERSION } from '../../src/core/package-root.js';

const SAMPLE = 'node_modules/konform/suites/xrechnung-3.0/selftest/validator-configuration/instances/ubl-br-dex-09-prepaidpayment.xml';

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string }>;
}

let work: string;
let app: string;
let packed: Packed;
let install: SpawnSyncReturns<string>;

function inApp(command: string, args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

/** The files the `files` list of package.json is meant to ship, found without npm. */
async function meantToShip(): Promise<string[]> {
  const under = async (dir: string, keep: (path: string) => boolean) =>
    (await readdir(join(PACKAGE_ROOT, dir), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(PACKAGE_ROOT, join(entry.parentPath, entry.name)))
      .filter(keep);
  return [
    ...(await under('dist/src', (path) => /\.(js|d\.ts|json)$/.test(path))),
    ...(await under('dist/validators', () => true)),
    ...(await under('suites', () => true)),
    ...(await under('standards', () => true)),
    // The schema of `konform diff --format json`, exported as konform/diff.schema.json.
    'src/diff/diff.schema.json',
    // The schema of a batch's index.json, exported as konform/batch-index.schema.json.
    'src/batch/index.schema.json',
    'LICENSE',
    'README.md',
    'package.json',
  ].sort();
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'konform-pack-'));
  app = join(work, 'app');
  await mkdir(app);
  const pack = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  expect(pack.status, pack.stderr).toBe(0);
  [packed] = JSON.parse(pack.stdout) as Packed[];
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'konform-user', private: true, type: 'module' }));
  install = inApp('npm', ['install', '--no-audit', '--no-fund', join(work, packed.filename)]);
}, 240_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('ships the built library, the suites, the standards, the diff schema, README and LICENSE, and nothing else', async () => {
    const paths = packed.files.map((file) => file.path).sort();
    expect(paths).toEqual(await meantToShip());
    expect(packed.entryCount).toBe(paths.length);
    expect(paths.filter((path) => /(^|\/)(test|fixtures|bench)\/|\.(pem|key|map|ts)$|\.test\./.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
  });

  it('builds when packed, not when installed', async () => {
    const { scripts } = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prepack).toBe('npm run build');
    expect(scripts).not.toHaveProperty('prepare');
    expect(scripts).not.toHaveProperty('install');
    expect(scripts).not.toHaveProperty('postinstall');
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/warn/i);
  });

  it('gives the konform command', () => {
    expect(inApp('npx', ['konform', '--version']).stdout.trim()).toBe(TOOL_VERSION);
    const list = inApp('npx', ['konform', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^\s+xrechnung-3\.0\s/m);
    const validate = inApp('npx', ['konform', 'validate', 'xrechnung-3.0', SAMPLE, '--out', 'reports']);
    expect(validate.stdout).toContain('verdict: conformant');
    expect(validate.status, validate.stderr).toBe(0);
  });

  it('gives the library to an ESM script, with the report schema', async () => {
    await writeFile(
      join(app, 'use.mjs'),
      [
        "import { run } from 'konform';",
        "import schema from 'konform/report.schema.json' with { type: 'json' };",
        'const report = await run({ suite: "xrechnung-3.0", target: { files: [process.argv[2]] } });',
        'console.log(report.verdict, schema.$id);',
      ].join('\n'),
    );
    const script = inApp(process.execPath, ['use.mjs', SAMPLE]);
    expect(script.stderr).toBe('');
    expect(script.stdout.trim()).toBe('conformant https://konform.dev/schema/report/1.0.json');
  });

  it('gives typed access to the report', async () => {
    await writeFile(
      join(app, 'use.ts'),
      [
        "import { run, type Report, type RunOptions, type Verdict } from 'konform';",
        "const options: RunOptions = { suite: 'xrechnung-3.0', target: { files: ['invoice.xml'] } };",
        'const report: Report = await run(options);',
        'const verdict: Verdict = report.verdict;',
        'const failed: number = report.counts.failed;',
        'export const line = `${verdict} ${failed}`;',
      ].join('\n'),
    );
    const tsconfig = {
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: ['node'], typeRoots: [join(PACKAGE_ROOT, 'node_modules', '@types')] },
      files: ['use.ts'],
    };
    await writeFile(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = inApp(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
