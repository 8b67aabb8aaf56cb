/** `konform diff --format json` as the tests run it, its output validated against src/diff/diff.schema.json (which refers to the report schema). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { expect } from 'vitest';
import diffSchema from '../../src/diff/diff.schema.json' with { type: 'json' };
import type { Diff } from '../../src/diff/types.js';
import reportSchema from '../../src/report/report.schema.json' with { type: 'json' };
import { runCli } from '../helpers/cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormatsPlugin.default(ajv);
ajv.addSchema(reportSchema);
const validate = ajv.compile(diffSchema);

/** One line per violation; none for a valid diff. */
export function diffSchemaErrors(diff: unknown): string[] {
  return validate(diff) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? error.keyword}`);
}

/** Runs `konform diff <a> <b> --format json`, expects nothing on stderr and a schema-valid diff; returns it with the exit code. */
export async function diffJson(a: string, b: string): Promise<{ code: number | null; diff: Diff }> {
  const cli = await runCli(['diff', a, b, '--format', 'json']);
  expect(cli.stderr).toBe('');
  const diff = JSON.parse(cli.stdout) as Diff;
  expect(diffSchemaErrors(diff)).toEqual([]);
  return { code: cli.code, diff };
}
