/** `konform batch` as the tests run it: a plan written to a scratch folder, the built CLI, index.json validated against its schema. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import type { BatchIndex } from '../../src/batch/batch-index.js';
import indexSchema from '../../src/batch/index.schema.json' with { type: 'json' };
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { runCli, type CliRun } from '../helpers/cli.js';

/** The OpenAPI document of the Pegel-Online reference server. */
export const PEGEL_SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormatsPlugin.default(ajv);
const validate = ajv.compile(indexSchema);

export function indexSchemaErrors(index: unknown): string[] {
  return validate(index) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
}

export const scratchFolder = (): Promise<string> => mkdtemp(join(tmpdir(), 'konform-batch-'));

/** `plan.yaml` (an object, or YAML text as written) in `dir`. */
export async function writePlan(dir: string, plan: object | string): Promise<{ dir: string; plan: string }> {
  const file = join(dir, 'plan.yaml');
  await writeFile(file, typeof plan === 'string' ? plan : stringify(plan));
  return { dir, plan: file };
}

/** Runs `konform batch <plan> --out <dir>/out …`; returns the CLI's answer and the index it wrote, checked against its schema. */
export async function batchRun(plan: { dir: string; plan: string }, flags: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ cli: CliRun; out: string; index: BatchIndex }> {
  const out = join(plan.dir, 'out');
  const cli = await runCli(['batch', plan.plan, '--out', out, ...flags], { env });
  expect(cli.stderr).toBe('');
  const index = JSON.parse(await readFile(join(out, 'index.json'), 'utf8')) as BatchIndex;
  expect(indexSchemaErrors(index)).toEqual([]);
  return { cli, out, index };
}
