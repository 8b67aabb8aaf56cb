/**
 * GeoJSON judged by the official GeoJSON JSON Schema and the rules of RFC 7946 it cannot express:
 * the fixtures of github.com/geojson/schema (fixtures/geojson/) are decided as that repository
 * decides them; a position of four numbers is a SHOULD (a warning), an unclosed linear ring a MUST
 * and so is a ring against the right-hand rule; a nested GeometryCollection, which the schema refuses
 * but RFC 7946 only discourages, is a SHOULD.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { geojsonFindings, type GeoJsonKind } from '../../src/geojson/validate.js';
import { ruleViolations } from '../../src/geojson/rules.js';

const FIXTURES = join(PACKAGE_ROOT, 'fixtures', 'geojson');
const KINDS: Record<string, GeoJsonKind> = { feature: 'Feature', featurecollection: 'FeatureCollection' };

function fixtures(validity: 'valid' | 'invalid'): Array<[string, GeoJsonKind, unknown]> {
  return Object.entries(KINDS).flatMap(([folder, kind]) =>
    readdirSync(join(FIXTURES, validity, folder)).map((file): [string, GeoJsonKind, unknown] => [
      `${folder}/${file}`,
      kind,
      JSON.parse(readFileSync(join(FIXTURES, validity, folder, file), 'utf8')),
    ]),
  );
}

const polygon = (ring: number[][]) => ({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [ring] } });
const CLOSED = [[7.12, 50.7], [7.14, 50.7], [7.14, 50.715], [7.12, 50.715], [7.12, 50.7]];

describe('the official GeoJSON schema', () => {
  it.each(fixtures('valid'))('accepts the valid fixture %s', async (_name, kind, value) => {
    expect(await geojsonFindings(kind, value)).toEqual([]);
  });

  it.each(fixtures('invalid'))('refuses the invalid fixture %s as a MUST', async (_name, kind, value) => {
    const findings = await geojsonFindings(kind, value);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.severity === 'error' && finding.code === 'schema-violation')).toBe(true);
  });

  it('says what is missing and where', async () => {
    const [missing] = await geojsonFindings('Feature', { type: 'Feature', geometry: null });
    expect(missing).toMatchObject({ requirement: 'GEOJSON-FEATURE', pointer: '', clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.2' });
    expect(missing?.message).toContain('no "properties" member');
    const [short] = await geojsonFindings('Feature', polygon([[7, 50]]));
    expect(short).toMatchObject({ pointer: '/geometry/coordinates/0', severity: 'error' });
    expect(short?.message).toContain('fewer than 4 items');
    const [unknown] = await geojsonFindings('Feature', { type: 'Feature', properties: {}, geometry: { type: 'Circle', coordinates: [7, 50] } });
    expect(unknown).toMatchObject({ pointer: '/geometry' });
    expect(unknown?.message).toContain('GeoJSON Point');
  });

  it('tells each feature of a collection by its own geometry', async () => {
    const feature = (geometry: unknown) => ({ type: 'Feature', properties: null, geometry });
    const collection = { type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [7] }), feature({ type: 'LineString', coordinates: [[7, 50]] })] };
    expect((await geojsonFindings('FeatureCollection', collection)).map(({ pointer, message }) => [pointer, message])).toEqual([
      ['/features/0/geometry/coordinates', '/features/0/geometry/coordinates must NOT have fewer than 2 items'],
      ['/features/1/geometry/coordinates', '/features/1/geometry/coordinates must NOT have fewer than 2 items'],
    ]);
  });
});

describe('the rules of RFC 7946 a schema cannot express', () => {
  it('warns of a position of four numbers (§3.1.1 SHOULD NOT), without failing it', async () => {
    const feature = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [7.1, 50.7, 60, 1700000000] } };
    expect(await geojsonFindings('Feature', feature)).toEqual([
      expect.objectContaining({
        requirement: 'GEOJSON-POSITION-EXTENDED',
        severity: 'warning',
        code: 'position-extended',
        pointer: '/geometry/coordinates',
        clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.1.1',
      }),
    ]);
  });

  it('fails an unclosed linear ring (§3.1.6 MUST), in a Feature and in a FeatureCollection', async () => {
    const open = polygon(CLOSED.slice(0, 4));
    const expected = (pointer: string) =>
      expect.objectContaining({
        requirement: 'GEOJSON-LINEAR-RING',
        severity: 'error',
        code: 'ring-not-closed',
        pointer,
        clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.1.6',
      });
    expect(await geojsonFindings('Feature', open)).toEqual([expected('/geometry/coordinates/0')]);
    const collection = { type: 'FeatureCollection', features: [polygon(CLOSED), open] };
    expect(await geojsonFindings('FeatureCollection', collection)).toEqual([expected('/features/1/geometry/coordinates/0')]);
  });

  it('finds rings and positions in MultiPolygons and GeometryCollections, and nothing in what the RFC allows', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[CLOSED], [CLOSED.slice(0, 4)]] };
    const collection = { type: 'Feature', properties: null, geometry: { type: 'GeometryCollection', geometries: [{ type: 'LineString', coordinates: [[7, 50, 1, 2], [8, 51, 1, 2]] }, multi] } };
    expect(ruleViolations(collection).map(({ requirement, pointer }) => [requirement, pointer])).toEqual([
      ['GEOJSON-POSITION-EXTENDED', '/geometry/geometries/0/coordinates/0'],
      ['GEOJSON-LINEAR-RING', '/geometry/geometries/1/coordinates/1/0'],
    ]);
    expect(ruleViolations(polygon([[7, 50, 100], [8, 50, 100], [8, 51, 100], [7, 50, 100]]))).toEqual([]);
    expect(ruleViolations({ type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [] } })).toEqual([]);
  });

  it('passes a counterclockwise exterior ring with a clockwise hole (§3.1.6 right-hand rule)', async () => {
    const hole = [[7.125, 50.705], [7.125, 50.71], [7.135, 50.71], [7.135, 50.705], [7.125, 50.705]];
    const feature = { type: 'Feature', properties: null, geometry: { type: 'Polygon', coordinates: [CLOSED, hole] } };
    expect(await geojsonFindings('Feature', feature)).toEqual([]);
  });

  it('fails a clockwise exterior ring and a counterclockwise hole (§3.1.6 MUST follow the right-hand rule)', async () => {
    const clockwise = [...CLOSED].reverse();
    expect(await geojsonFindings('Feature', polygon(clockwise))).toEqual([
      expect.objectContaining({
        requirement: 'GEOJSON-RING-WINDING',
        severity: 'error',
        code: 'ring-winding',
        pointer: '/geometry/coordinates/0',
        clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.1.6',
      }),
    ]);
    const counterclockwiseHole = [[7.125, 50.705], [7.135, 50.705], [7.135, 50.71], [7.125, 50.71], [7.125, 50.705]];
    const multi = { type: 'Feature', properties: null, geometry: { type: 'MultiPolygon', coordinates: [[CLOSED], [CLOSED, counterclockwiseHole]] } };
    const [hole] = await geojsonFindings('Feature', multi);
    expect(hole).toMatchObject({ requirement: 'GEOJSON-RING-WINDING', pointer: '/geometry/coordinates/1/1' });
    expect(hole?.message).toContain('hole');
  });

  it('does not judge the winding of a ring that bounds no area', () => {
    expect(ruleViolations(polygon([[7, 50], [8, 50], [9, 50], [7, 50]]))).toEqual([]);
    // On one line in decimal, not quite in binary.
    expect(ruleViolations(polygon([[7.1, 50.1], [7.2, 50.2], [7.3, 50.3], [7.1, 50.1]]))).toEqual([]);
  });

  it('warns of a nested GeometryCollection (§3.1.8 SHOULD avoid), which the schema refuses, and still judges what it holds', async () => {
    const nested = { type: 'GeometryCollection', geometries: [{ type: 'Polygon', coordinates: [CLOSED.slice(0, 4)] }, { type: 'Point', coordinates: [7] }] };
    const feature = { type: 'Feature', properties: null, geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [7, 50] }, nested] } };
    const findings = await geojsonFindings('Feature', feature);
    expect(findings.map(({ requirement, severity, pointer }) => [requirement, severity, pointer])).toEqual([
      ['GEOJSON-FEATURE', 'error', '/geometry/geometries/1/geometries/1/coordinates'],
      ['GEOJSON-NESTED-GEOMETRYCOLLECTION', 'warning', '/geometry/geometries/1'],
      ['GEOJSON-LINEAR-RING', 'error', '/geometry/geometries/1/geometries/0/coordinates/0'],
    ]);
    expect(findings[1]?.clause).toBe('https://www.rfc-editor.org/rfc/rfc7946#section-3.1.8');
  });
});
