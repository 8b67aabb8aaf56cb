/**
 * Node.js 24 compiles pattern modifiers and repeated group names; Node.js 20 and 22 do not. A
 * document using them gets the same answer on every version: SPEC_INVALID at the pattern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { unportableSyntax } from '../../src/openapi/portable-regexp.js';
import { scratch, thingsDocument } from '../openapi/support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());

const SCHEMA_AT = '/paths/~1things/get/responses/200/content/application~1json/schema';

async function compiled(name: string, pattern: string): Promise<unknown> {
  const file = await workspace.write(name, thingsDocument(`                type: string\n                pattern: '${pattern}'`));
  return loadOpenApiDocument(file).then((document) => document.schemas.compileAll()).catch((caught: unknown) => caught);
}

describe(`JSON Schema patterns beyond what every supported Node.js compiles, on Node.js ${process.version}`, () => {
  it.each([
    ['modifiers.yaml', '^(?i:abc)$', 'pattern modifiers (?i:…)'],
    ['modifiers-off.yaml', '^(?-i:abc)$', 'pattern modifiers (?-i:…)'],
    ['names.yaml', '^(?:(?<y>\\d{4})-x|x-(?<y>\\d{4}))$', 'the group name y used twice'],
  ])('%s: %s is SPEC_INVALID at the pattern', async (name, pattern, reason) => {
    const error = await compiled(name, pattern);
    expect(error).toBeInstanceOf(KonformError);
    expect(error).toMatchObject({ code: ERROR_CODES.SPEC_INVALID, location: { pointer: `${SCHEMA_AT}/pattern` } });
    expect((error as KonformError).message).toContain(reason);
  });

  it('accepts the groups every version compiles', async () => {
    expect(await compiled('portable.yaml', '^(?:a|b)(?=c)(?!d)(?<=c)(?<!e)(?<year>\\d{4})[(?i:]\\(?i:x\\)$')).toBeUndefined();
  });

  it('tells modifiers from the groups that look like them', () => {
    expect(unportableSyntax('(?ims-s:x)')).toBe('pattern modifiers (?ims-s:…) (ES2025)');
    expect(unportableSyntax('(?:x)')).toBeUndefined();
    expect(unportableSyntax('[(?i:x)]')).toBeUndefined();
    expect(unportableSyntax('\\(?i:x\\)')).toBeUndefined();
    expect(unportableSyntax('(?<a>x)(?<b>y)')).toBeUndefined();
  });
});
