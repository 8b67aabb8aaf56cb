/**
 * konform's own schemas are compiled without checking them against the JSON Schema 2020-12
 * meta-schema (which would cost every start-up its compilation); this test is that check.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { allCheckKinds } from '../../src/checks/registry.js';
import requirementsSchema from '../../src/core/requirements.schema.json' with { type: 'json' };
import standardSchema from '../../src/core/standard.schema.json' with { type: 'json' };
import suiteSchema from '../../src/core/suite.schema.json' with { type: 'json' };
import { SELFTEST_SCHEMA } from '../../src/xml/xmute/config.js';

const metaSchema = new Ajv2020({ strict: false });

function expectValidSchema(schema: object): void {
  metaSchema.validateSchema(schema);
  expect(metaSchema.errors ?? []).toEqual([]);
}

describe("konform's own schemas", () => {
  it.each([
    ['suite', suiteSchema],
    ['standard manifest', standardSchema],
    ['requirement catalogue', requirementsSchema],
    ['suite self-test', SELFTEST_SCHEMA],
  ])('the %s schema is a valid JSON Schema 2020-12', (_name, schema) => expectValidSchema(schema));

  it('every check kind has a valid options schema', async () => {
    const withOptions = [...(await allCheckKinds()).values()].filter((kind) => kind.optionsSchema);
    expect(withOptions.length).toBeGreaterThan(10);
    for (const kind of withOptions) expectValidSchema(kind.optionsSchema as object);
  });

  it('a schema that is not one is refused', () => {
    expect(metaSchema.validateSchema({ type: 'strng' })).toBe(false);
  });
});
