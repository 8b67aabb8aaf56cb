import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PRECOMPILED_NAMES, precompiledCode } from '../../src/build/precompile.js';
import { precompiled, precompiledFile } from '../../src/core/precompiled.js';

describe('validators compiled when konform is built', () => {
  it.each(PRECOMPILED_NAMES)('%s is the code Ajv generates from the current schema', async (name) => {
    expect(await readFile(precompiledFile(name), 'utf8')).toBe(precompiledCode(name));
  });

  it('answer with Ajv errors', () => {
    const validate = precompiled('suite');
    expect(validate({ id: 'x' })).toBe(false);
    expect(validate.errors?.map((error) => error.keyword)).toContain('required');
  });
});
