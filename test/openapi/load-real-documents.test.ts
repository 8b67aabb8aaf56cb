import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { loadOpenApiDocument } from '../../src/openapi/document.js';
import { scratch, spec } from './support.js';

describe('the real documents in fixtures/specs', () => {
  test.each([
    ['pegel-online-api/openapi.yaml', '3.0', '3.0.0', 6],
    ['travelwarning-api/openapi.yaml', '3.0', '3.0.0', 6],
    ['api-popp/I_PoPP_Token_Generation.yaml', '3.1', '3.1.0', 1],
    ['dip-bundestag-api/openapi.yaml', '3.0', '3.0.1', 16],
  ])('%s loads and every schema compiles', async (name, version, declared, operations) => {
    const document = await loadOpenApiDocument(spec(name));
    expect(document.version).toBe(version);
    expect(document.declaredVersion).toBe(declared);
    expect(document.operations).toHaveLength(operations);
    expect(() => document.schemas.compileAll()).not.toThrow();
    expect(document.schemas.roots.length).toBeGreaterThan(0);
  });

  test('the pegel-online document misspells a format, which compiles with a warning', async () => {
    const document = await loadOpenApiDocument(spec('pegel-online-api/openapi.yaml'));
    document.schemas.compileAll();
    expect(document.schemas.warnings).toContainEqual(expect.stringContaining('unknown format "integer"'));
    expect(document.schemas.warnings.join()).not.toContain('konform.invalid');
  });

  test('operations carry keys, merged parameters and documented responses', async () => {
    const document = await loadOpenApiDocument(spec('pegel-online-api/openapi.yaml'));
    const measurements = document.operations.find((operation) => operation.key === 'getMeasurementByStation');
    expect(measurements).toMatchObject({
      method: 'GET',
      path: '/stations/{station}/{timeseries}/measurements.json',
      pointer: '/paths/~1stations~1{station}~1{timeseries}~1measurements.json/get',
      safe: true,
    });
    expect(measurements?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:station',
      'path:timeseries',
      'query:start',
      'query:end',
    ]);
    expect(measurements?.responses.map((r) => r.status)).toEqual(['200', '404']);
    expect(measurements?.responses[0]?.content[0]).toEqual({
      mediaType: 'application/json',
      pointer: '/paths/~1stations~1{station}~1{timeseries}~1measurements.json/get/responses/200/content/application~1json',
      schemaPointer: '/paths/~1stations~1{station}~1{timeseries}~1measurements.json/get/responses/200/content/application~1json/schema',
    });
  });
});

describe('the Swagger 2.0 travel-warning document of 2021-07-31', () => {
  const file = spec('travelwarning-api/openapi.swagger2-2021-07-31.yaml');
  let workspace: Awaited<ReturnType<typeof scratch>>;
  beforeAll(async () => {
    workspace = await scratch();
  });
  afterAll(() => workspace.remove());

  test('is invalid: a path parameter with an OpenAPI 3 style schema, reported with pointer, line and column', async () => {
    const error = await loadOpenApiDocument(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KonformError);
    const konform = error as KonformError;
    expect(konform.code).toBe(ERROR_CODES.SPEC_INVALID);
    expect(konform.location).toMatchObject({
      file,
      pointer: '/paths/~1travelwarning~1{contentId}/get/parameters/0',
      line: 41,
      column: 11,
    });
    expect(konform.message).toContain('must NOT have additional properties (schema)');
  });

  test('loads with that one parameter written the Swagger 2.0 way, and every schema compiles', async () => {
    const text = await readFile(file, 'utf8');
    const repaired = text.replace(
      '          schema:\n            type: integer\n            minimum: 1\n',
      '          type: integer\n          minimum: 1\n',
    );
    expect(repaired).not.toBe(text);
    const document = await loadOpenApiDocument(await workspace.write('travelwarning-2.0.yaml', repaired));
    expect(document.version).toBe('2.0');
    expect(() => document.schemas.compileAll()).not.toThrow();
    const single = document.operations.find((operation) => operation.key === 'getSingleTravelwarning');
    expect(single?.parameters[0]).toMatchObject({ name: 'contentId', in: 'path', required: true, style: 'simple' });
    expect(single?.responses[0]?.content).toEqual([
      {
        mediaType: 'application/json',
        pointer: '/paths/~1travelwarning~1{contentId}/get/responses/200',
        schemaPointer: '/paths/~1travelwarning~1{contentId}/get/responses/200/schema',
      },
    ]);
  });
});
