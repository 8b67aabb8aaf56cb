/**
 * A pattern that Unicode mode refuses but ECMA-262 Annex B accepts (`\-` outside a class) is no
 * reason to reject a document that Redocly, Prism and swagger-parser accept: konform compiles it
 * without the `u` flag and says so in a warning of the document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { scratch, thingsDocument } from './support.js';

let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  workspace = await scratch();
});
afterAll(() => workspace.remove());

const SCHEMA_AT = '/paths/~1things/get/responses/200/content/application~1json/schema';

describe('a pattern only Unicode mode refuses', () => {
  for (const version of ['3.0.3', '3.1.0']) {
    it(`is compiled without the u flag in OpenAPI ${version}, with a warning, and still validates`, async () => {
      const text = thingsDocument("                type: string\n                pattern: '^[a-z]+\\-[0-9]+$'").replace('openapi: 3.0.3', `openapi: ${version}`);
      const document = await loadOpenApiDocument(await workspace.write(`dash-${version}.yaml`, text));
      const validate = document.schemas.validator(SCHEMA_AT);
      expect(validate('ab-12')).toBe(true);
      expect(validate('ab_12')).toBe(false);
      expect(document.schemas.warnings).toEqual([expect.stringContaining('pattern "^[a-z]+\\\\-[0-9]+$" is compiled without the u flag')]);
    });
  }

  it('leaves a pattern that is no regular expression in either mode an error', async () => {
    const text = thingsDocument("                type: string\n                pattern: '^[a-'");
    const error = await loadOpenApiDocument(await workspace.write('broken.yaml', text))
      .then((document) => document.schemas.compileAll())
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ location: { pointer: `${SCHEMA_AT}/pattern` } });
  });
});
