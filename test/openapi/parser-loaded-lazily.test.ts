/**
 * swagger-parser is loaded only for a document it has to validate or bundle: one valid as
 * written (valid-as-written.ts) is validated by the OpenAPI schema alone, and its loading, a
 * good part of a short run, is spared. Each load runs in a fresh Node.js process of the built
 * package, which says afterwards whether swagger-parser was loaded.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { scratchDocument } from './support.js';

const DOCUMENT_CACHE = join(PACKAGE_ROOT, 'dist', 'src', 'openapi', 'document-cache.js');

/** Loads the document in a process of its own; whether swagger-parser was loaded. */
async function parserLoadedFor(file: string): Promise<boolean> {
  const script = `
    import { createRequire } from 'node:module';
    const { compiledDocument } = await import(${JSON.stringify(DOCUMENT_CACHE)});
    await compiledDocument(${JSON.stringify(file)});
    const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('swagger-parser'));
    console.log(JSON.stringify(loaded));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as boolean;
}

const swagger = scratchDocument(
  'swagger.yaml',
  `swagger: '2.0'
info: {title: old, version: '1'}
paths:
  /things:
    get:
      responses:
        '200': {description: ok}
`,
);

describe('swagger-parser', () => {
  it('is not loaded for a document valid as written', async () => {
    expect(await parserLoadedFor(join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml'))).toBe(false);
  });

  it('is loaded for a document it validates (Swagger 2.0)', async () => {
    expect(await parserLoadedFor(swagger.path())).toBe(true);
  });
});
