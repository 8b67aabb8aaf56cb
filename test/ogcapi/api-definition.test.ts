/**
 * Loading an API definition a server serves (src/ogcapi/api-definition.ts, ref-catalog.ts): the
 * references into the standard's building blocks resolve to the pinned copies; no other
 * reference is followed, neither a URL nor a file. mapserver-api.json is MapServer 8.0's /api.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServedDefinition, reachesUnresolved } from '../../src/ogcapi/api-definition.js';
import { valueAt } from '../../src/core/json-pointer.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { loadStandard } from '../../src/core/load-standard.js';

const standard = await loadStandard(join(PACKAGE_ROOT, 'standards', 'ogcapi-features', '1.0'));
const pinned = new Set(standard.artifacts.filter((a) => a.path.startsWith('openapi/')).map((a) => a.path.slice('openapi/'.length)));
const mapserver = JSON.parse(await readFile(join(PACKAGE_ROOT, 'fixtures', 'ogcapi', 'mapserver-api.json'), 'utf8'));
const source = { standardDir: standard.dir, pinnedFiles: pinned };
const PROCESSES_EXCEPTION = 'https://raw.githubusercontent.com/opengeospatial/ogcapi-processes/master/core/openapi/schemas/exception.yaml';

const minimal = (extra: Record<string, unknown>) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: { '/': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: extra } } } } } } },
});

describe('an API definition served by the target', () => {
  it("loads MapServer's /api with the building blocks from the pinned copy and one reference left unresolved", async () => {
    const served = await loadServedDefinition(mapserver, source);
    expect(served.loaded).toBe(true);
    if (!served.loaded) return;
    expect(served.pinned).toHaveLength(12);
    expect(served.unresolved).toEqual([
      {
        pointer: '/components/responses/default/content/application~1json/schema',
        ref: PROCESSES_EXCEPTION,
        inSchema: true,
        reason: { kind: 'host-not-listed', host: 'raw.githubusercontent.com' },
      },
    ]);
    expect(served.document.operations.map((operation) => operation.path)).toContain('/collections/places/items/{featureId}');
    const items = served.document.operations.find((operation) => operation.key === 'getplacesFeatures');
    const schema =
      items?.responses.find((response) => response.status === '200')?.content.find((media) => media.mediaType === 'application/geo+json')
        ?.schemaPointer ?? '';
    expect(valueAt(served.document.data, schema)).toMatchObject({ required: ['type', 'features'] });
    expect(reachesUnresolved(served.document.data, schema, served.unresolved)).toBe(false);
    expect(
      reachesUnresolved(served.document.data, '/components/responses/default/content/application~1json/schema', served.unresolved),
    ).toBe(true);
  });

  it('does not read a file a reference names, even one beside the pinned building blocks', async () => {
    const refs = ['schemas/link.yaml', '/etc/passwd', '../../../package.json#/name', 'file:///etc/hostname'];
    const definition = minimal({ type: 'object', properties: Object.fromEntries(refs.map((ref, index) => [`p${index}`, { $ref: ref }])) });
    const served = await loadServedDefinition(definition, source);
    expect(served.unresolved.map((ref) => ref.ref)).toEqual(refs);
    if (!served.loaded) throw new Error(served.problem);
    const properties = valueAt(served.document.data, '/paths/~1/get/responses/200/content/application~1json/schema/properties');
    expect(Object.values(properties as object).every((value) => Object.keys(value).join() === 'description')).toBe(true);
  });

  it('cannot be resolved when a remote reference stands for something other than a schema', async () => {
    const definition = {
      ...minimal({ type: 'object' }),
      paths: { '/': { get: { responses: { '200': { $ref: 'https://example.org/responses.yaml#/ok' } } } } },
    };
    const served = await loadServedDefinition(definition, source);
    expect(served).toMatchObject({ loaded: false, pointer: '/paths/~1/get/responses/200' });
  });

  it('is invalid without the info object OpenAPI 3.0 requires', async () => {
    const { info: _info, ...definition } = minimal({ type: 'object' });
    const served = await loadServedDefinition(definition, source);
    expect(served.loaded).toBe(false);
    if (!served.loaded) expect(served.problem).toContain("'info'");
  });
});
