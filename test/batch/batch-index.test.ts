/** The parts of a batch that need no run: its exit code, its run folders' names, its schemas and the README's plan. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { worstExitCode } from '../../src/batch/batch-index.js';
import indexSchema from '../../src/batch/index.schema.json' with { type: 'json' };
import planSchema from '../../src/batch/plan.schema.json' with { type: 'json' };
import { runFolders } from '../../src/batch/run-folder.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { precompiled } from '../../src/core/precompiled.js';

const planned = (suiteName: string, subject: string) => ({ suiteName, subject, key: `${suiteName} ${subject}` });

describe('a batch', () => {
  it('exits with its worst run: a run konform could not start (2), a failed target (1), an undecided one (3), a conformant one (0)', () => {
    expect(worstExitCode([0, 3, 1, 2])).toBe(2);
    expect(worstExitCode([0, 3, 1])).toBe(1);
    expect(worstExitCode([0, 3, 0])).toBe(3);
    expect(worstExitCode([0, 0])).toBe(0);
    expect(worstExitCode([])).toBe(0);
  });

  it('names each run folder by suite and subject, safe for any file system, and apart where names would meet', () => {
    const folders = runFolders([
      planned('oparl-1.1', 'https://vendor.example/oparl/v1.1/system'),
      planned('openapi-contract', 'http://a.example/v2?key=x'),
      planned('openapi-contract', 'https://a.example/v2'),
      planned('../suites/my suite', 'invoices/*.xml other/'),
    ]);
    expect(folders[0]).toBe('oparl-1.1--vendor.example-oparl-v1.1-system');
    expect(folders[1]).toMatch(/^openapi-contract--a\.example-v2-[0-9a-f]{8}$/);
    expect(folders[2]).toMatch(/^openapi-contract--a\.example-v2-[0-9a-f]{8}$/);
    expect(folders[1]).not.toBe(folders[2]);
    expect(folders[3]).toBe('my-suite--invoices-.xml-other');
    for (const folder of folders) expect(folder).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("takes the README's plan", async () => {
    const readme = await readFile(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const example = /## Many targets[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const validate = precompiled('batch-plan');
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['plan', planSchema],
    ['index', indexSchema],
  ])('has a %s schema that is a valid JSON Schema 2020-12', (_name, schema) => {
    const ajv = new Ajv2020({ strict: false });
    ajv.validateSchema(schema);
    expect(ajv.errors ?? []).toEqual([]);
  });
});
