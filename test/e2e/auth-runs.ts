/**
 * Runs of the built CLI against the auth fixture servers for auth.test.ts. A run authenticates
 * with one scheme, so it gets a copy of fixtures/auth/openapi.yaml with the paths of that scheme
 * only, and the `responses` profile: the fixture servers answer any method and are not meant
 * to be judged on refusals.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import { runCli, type CliRun } from '../helpers/cli.js';

export const scratch = await mkdtemp(join(tmpdir(), 'konform-auth-'));
const SPEC = join(PACKAGE_ROOT, 'fixtures', 'auth', 'openapi.yaml');
let runs = 0;

export interface AuthRun {
  cli: CliRun;
  /** The output folder. */
  out: string;
  report: Report;
}

/** A secret file as an operator would write it: the value and a newline, readable by its owner only. */
export async function secretFile(name: string, value: string): Promise<string> {
  const file = join(scratch, `${name}.secret`);
  await writeFile(file, `${value}\n`, { mode: 0o600 });
  return file;
}

async function specWith(paths: string[], folder: string): Promise<string> {
  const document = parse(await readFile(SPEC, 'utf8')) as { paths: Record<string, unknown> };
  document.paths = Object.fromEntries(Object.entries(document.paths).filter(([path]) => paths.includes(path)));
  const file = join(folder, 'openapi.json');
  await writeFile(file, JSON.stringify(document));
  return file;
}

/** `konform run openapi-contract` against `target` with the given paths of the auth document; `out` stays unwritten on a usage error. */
export async function konformRun(target: string, paths: string[], flags: string[], env: Record<string, string> = {}): Promise<{ cli: CliRun; out: string }> {
  const folder = join(scratch, `run-${++runs}`);
  await mkdir(folder);
  const out = join(folder, 'out');
  const spec = await specWith(paths, folder);
  const cli = await runCli(['run', 'openapi-contract', '--target', target, '--spec', spec, '--profile', 'responses', '--out', out, ...flags], { env });
  return { cli, out };
}

export async function authRun(target: string, paths: string[], flags: string[], env: Record<string, string> = {}): Promise<AuthRun> {
  const { cli, out } = await konformRun(target, paths, flags, env);
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  return { cli, out, report };
}
