/**
 * The documents an API definition's references lead to (src/ogcapi/remote-refs.ts, ref-catalog.ts):
 * fetched from the listed hosts only, nested references resolved against the document they are
 * written in, bounded in depth, and every document that cannot be had or read an unresolved
 * reference with its reason. The fetcher here answers from memory; test/e2e/ogcapi-ref-host.test.ts
 * runs the same through konform's HTTP client against real servers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServedDefinition } from '../../src/ogcapi/api-definition.js';
import { REF_BOUNDS, type RefFetcher } from '../../src/ogcapi/remote-refs.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { loadStandard } from '../../src/core/load-standard.js';

const standard = await loadStandard(join(PACKAGE_ROOT, 'standards', 'ogcapi-features', '1.0'));
const pinned = new Set(standard.artifacts.filter((a) => a.path.startsWith('openapi/')).map((a) => a.path.slice('openapi/'.length)));
const MIRROR = 'http://mirror.test/openapi/';
const DEFINITION_URL = 'http://api.test/ogcapi/api';
const PROCESSES_EXCEPTION = 'https://raw.githubusercontent.com/opengeospatial/ogcapi-processes/master/core/openapi/schemas/exception.yaml';

/** Answers from `documents` (by URL), a 404 for any other; records what it was asked. */
function memoryFetcher(documents: Record<string, string>, hosts: string[]): RefFetcher & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    allows: (url) => hosts.includes(url.host),
    async get(url) {
      asked.push(url);
      const text = documents[url];
      return text === undefined ? { problem: 'answered 404, not 200' } : { body: Buffer.from(text), url };
    },
  };
}

/** The pinned building blocks, served from the mirror. */
async function mirrorOfBuildingBlocks(): Promise<Record<string, string>> {
  const entries = await Promise.all([...pinned].map(async (path) => [`${MIRROR}${path}`, await readFile(join(standard.dir, 'openapi', path), 'utf8')]));
  return Object.fromEntries(entries);
}

const withSchema = (schema: unknown) => ({
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: { '/': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } } } },
});
const SCHEMA_POINTER = '/paths/~1/get/responses/200/content/application~1json/schema';

const load = (definition: object, fetcher?: RefFetcher) =>
  loadServedDefinition(definition, { standardDir: standard.dir, pinnedFiles: pinned, url: DEFINITION_URL, ...(fetcher ? { fetcher } : {}) });

describe('references of an API definition to a host given with --allow-ref-host', () => {
  it('without a fetcher, fetches nothing: the reference is unresolved, naming its host', async () => {
    const served = await load(withSchema({ $ref: `${MIRROR}schemas/exception.yaml` }));
    expect(served.unresolved).toEqual([
      { pointer: SCHEMA_POINTER, ref: `${MIRROR}schemas/exception.yaml`, inSchema: true, reason: { kind: 'host-not-listed', host: 'mirror.test' } },
    ]);
    expect(served.fetched).toEqual([]);
  });

  it('resolves a remote schema and, through the documents it names relatively, the schemas they name; each document with its sha256', async () => {
    const fetcher = memoryFetcher(await mirrorOfBuildingBlocks(), ['mirror.test']);
    const served = await load(withSchema({ $ref: `${MIRROR}schemas/featureCollectionGeoJSON.yaml` }), fetcher);
    if (!served.loaded) throw new Error(served.problem);
    expect(served.unresolved).toEqual([]);
    const names = served.fetched.map((document) => document.url.slice(MIRROR.length));
    expect(names).toEqual(expect.arrayContaining(['schemas/featureCollectionGeoJSON.yaml', 'schemas/featureGeoJSON.yaml', 'schemas/link.yaml', 'schemas/pointGeoJSON.yaml']));
    const manifest = new Map(standard.artifacts.map((artifact) => [artifact.path, artifact.sha256]));
    for (const document of served.fetched) expect(document.sha256).toBe(manifest.get(`openapi/${document.url.slice(MIRROR.length)}`));
    const validate = served.document.schemas.validator(SCHEMA_POINTER);
    expect(validate({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [7, 50] }, properties: {} }] })).toBe(true);
    expect(validate({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: 'x' }, properties: {} }] })).toBe(false);
  });

  it('asks each document once, however often it is referred to', async () => {
    const fetcher = memoryFetcher(await mirrorOfBuildingBlocks(), ['mirror.test']);
    const served = await load(withSchema({ allOf: [{ $ref: `${MIRROR}schemas/link.yaml` }, { $ref: `${MIRROR}schemas/link.yaml#` }] }), fetcher);
    expect(served.loaded).toBe(true);
    expect(fetcher.asked).toEqual([`${MIRROR}schemas/link.yaml`]);
  });

  it('does not fetch from a host not listed, nor a reference in a fetched document to one: it names the document and the pointer there', async () => {
    const a = `${MIRROR}a.yaml`;
    const fetcher = memoryFetcher({ [a]: 'type: object\nproperties:\n  b:\n    $ref: https://elsewhere.test/b.yaml\n' }, ['mirror.test']);
    const served = await load(withSchema({ $ref: a }), fetcher);
    expect(served.loaded).toBe(true);
    expect(fetcher.asked).toEqual([a]);
    expect(served.unresolved).toEqual([
      {
        pointer: '/x-konform-fetched/0/properties/b',
        ref: 'https://elsewhere.test/b.yaml',
        inSchema: true,
        reason: { kind: 'host-not-listed', host: 'elsewhere.test' },
        source: { url: a, pointer: '/properties/b' },
      },
    ]);
  });

  it('leaves a reference unresolved, with the reason, when its document cannot be had or read', async () => {
    const url = (name: string) => `${MIRROR}${name}`;
    const fetcher = memoryFetcher({ [url('yaml.yaml')]: 'a: [', [url('list.json')]: '[1, 2]', [url('latin1.yaml')]: '' }, ['mirror.test']);
    const latin1 = Buffer.from([0x74, 0x79, 0x70, 0x65, 0x3a, 0x20, 0xe9]);
    const get = fetcher.get;
    fetcher.get = async (asked) => (asked === url('latin1.yaml') ? { body: latin1, url: asked } : get(asked));
    const names = ['missing.yaml', 'yaml.yaml', 'list.json', 'latin1.yaml'];
    const served = await load(withSchema({ type: 'object', properties: Object.fromEntries(names.map((name) => [name, { $ref: url(name) }])) }), fetcher);
    expect(served.loaded).toBe(true);
    const problems = Object.fromEntries(served.unresolved.map(({ ref, reason }) => [ref.slice(MIRROR.length), reason.kind === 'unreadable' ? reason.problem : reason.kind]));
    expect(problems).toEqual({
      'missing.yaml': 'answered 404, not 200',
      'yaml.yaml': expect.stringMatching(/^cannot be read: not valid YAML or JSON/),
      'list.json': 'cannot be read: the document is not an object',
      'latin1.yaml': 'is not UTF-8 text',
    });
    expect(served.fetched.map((document) => document.url)).toEqual(['yaml.yaml', 'list.json', 'latin1.yaml'].map(url));
  });

  it(`follows references at most ${REF_BOUNDS.depth} documents deep`, async () => {
    const link = (index: number) => `${MIRROR}chain/${index}.yaml`;
    const chain = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [link(index), `type: object\nproperties:\n  next:\n    $ref: ${index + 1}.yaml\n`]));
    const fetcher = memoryFetcher(chain, ['mirror.test']);
    const served = await load(withSchema({ $ref: link(0) }), fetcher);
    expect(served.loaded).toBe(true);
    expect(fetcher.asked).toHaveLength(REF_BOUNDS.depth);
    expect(served.unresolved).toEqual([
      expect.objectContaining({ ref: `${REF_BOUNDS.depth}.yaml`, reason: expect.objectContaining({ kind: 'over-bound', url: link(REF_BOUNDS.depth) }) }),
    ]);
  });

  it('is an invalid definition when a fetched schema is no valid Schema Object', async () => {
    const fetcher = memoryFetcher({ [`${MIRROR}broken.yaml`]: 'type: object\nrequired: code\n' }, ['mirror.test']);
    const served = await load(withSchema({ $ref: `${MIRROR}broken.yaml` }), fetcher);
    if (served.loaded) throw new Error('loaded a definition with a broken schema');
    expect(served.problem).toContain('required');
    expect(served.unresolved).toEqual([]);
  });

  it("fetches the one remote reference of MapServer's /api from its host, and finds the schema there no valid OpenAPI 3.0 Schema Object", async () => {
    const mapserver = JSON.parse(await readFile(join(PACKAGE_ROOT, 'fixtures', 'ogcapi', 'mapserver-api.json'), 'utf8'));
    const exception = await readFile(join(PACKAGE_ROOT, 'fixtures', 'ogcapi', 'remote', 'ogcapi-processes-exception.yaml'), 'utf8');
    const fetcher = memoryFetcher({ [PROCESSES_EXCEPTION]: exception }, ['raw.githubusercontent.com']);
    const served = await load(mapserver, fetcher);
    expect(fetcher.asked).toEqual([PROCESSES_EXCEPTION]);
    expect(served.fetched).toEqual([{ url: PROCESSES_EXCEPTION, sha256: 'abe27d09ef827f06b105d09089b9136cd40572ffafd169aaf1b458a7f64f0aab', bytes: 292 }]);
    expect(served.unresolved).toEqual([]);
    expect(served).toMatchObject({ loaded: false, source: { url: PROCESSES_EXCEPTION, pointer: '/properties/additionalProperties' } });
  });

  it('resolves a relative reference of the definition against the URL it was served at', async () => {
    const fetcher = memoryFetcher({ 'http://api.test/ogcapi/schemas/thing.yaml': 'type: string\n' }, ['api.test']);
    const served = await load(withSchema({ $ref: 'schemas/thing.yaml' }), fetcher);
    expect(served.loaded).toBe(true);
    expect(fetcher.asked).toEqual(['http://api.test/ogcapi/schemas/thing.yaml']);
  });
});
