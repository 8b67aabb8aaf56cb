/**
 * oparl.location-geojson judges Location.geojson ("ein vollständiges Feature-Objekt") by the
 * official GeoJSON schema and the rules of RFC 7946 (src/geojson/): a position of four numbers
 * breaks a SHOULD, a warning that leaves OPARL-LOCATION-GEOJSON passed; an unclosed linear ring
 * breaks a MUST and fails it, and so does a clockwise exterior ring (the right-hand rule). The reference server's locations are served through a proxy that
 * adds the defect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer, type OParlServer } from '../../fixtures/oparl/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { everyObject, startRewritingProxy, type Rewrite } from '../geojson/rewriting-proxy.js';

type Geometry = { type: string; coordinates: number[] };

/** Rewrites the geometry of every Location's geojson. */
const locations = (change: (geometry: Geometry) => unknown): Rewrite =>
  everyObject((object) => {
    const geojson = object.geojson as { geometry?: Geometry } | undefined;
    return String(object.type).endsWith('/Location') && geojson?.geometry ? { ...object, geojson: { ...geojson, geometry: change(geojson.geometry) } } : object;
  });

const WITH_MEASURE = locations((geometry) => ({ ...geometry, coordinates: [...geometry.coordinates, 0, 1700000000] }));
const OPEN_RING = locations(({ coordinates: [x = 0, y = 0] }) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x + 0.001, y + 0.001], [x, y + 0.001]]] }));
/** A square around the point, counterclockwise, with a square hole, clockwise: the right-hand rule. */
const square = (x: number, y: number, size: number) => [[x - size, y - size], [x + size, y - size], [x + size, y + size], [x - size, y + size], [x - size, y - size]];
const WITH_HOLE = locations(({ coordinates: [x = 0, y = 0] }) => ({ type: 'Polygon', coordinates: [square(x, y, 0.002), square(x, y, 0.001).reverse()] }));
const CLOCKWISE = locations(({ coordinates: [x = 0, y = 0] }) => ({ type: 'Polygon', coordinates: [square(x, y, 0.002).reverse()] }));

let server: OParlServer;
beforeAll(async () => {
  server = await startOParlServer({ objects: 60 });
});
afterAll(() => server.close());

async function runThrough(rewrite: Rewrite): Promise<Report> {
  const proxy = await startRewritingProxy(server.url, rewrite);
  try {
    return await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url: proxy.url }, limits: { ratePerHost: 0 } });
  } finally {
    await proxy.close();
  }
}

const locationGeojson = (report: Report) => report.results.find((result) => result.id === 'location-geojson/Location');
const requirement = (report: Report) => report.requirements.find((candidate) => candidate.id === 'OPARL-LOCATION-GEOJSON')?.outcome;

describe('oparl.location-geojson under RFC 7946', () => {
  it('warns of positions of four numbers (§3.1.1 SHOULD NOT) without failing the check', async () => {
    const report = await runThrough(WITH_MEASURE);
    const result = locationGeojson(report);
    expect(result?.outcome).toBe('passed');
    const warnings = result?.findings.filter((finding) => finding.severity === 'warning') ?? [];
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatchObject({ code: 'position-extended', rule: 'GEOJSON-POSITION-EXTENDED', params: { clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.1.1' } });
    expect(warnings[0]?.location?.bodyPointer).toMatch(/\/geojson\/geometry\/coordinates$/);
    expect(requirement(report)).toBe('passed');
  });

  it.each([
    ['an unclosed linear ring (§3.1.6 MUST)', OPEN_RING, 'ring-not-closed', 'GEOJSON-LINEAR-RING'],
    ['a clockwise exterior ring (§3.1.6 right-hand rule MUST)', CLOCKWISE, 'ring-winding', 'GEOJSON-RING-WINDING'],
  ] as const)('fails %s', async (_name, rewrite, code, ringRequirement) => {
    const report = await runThrough(rewrite);
    const result = locationGeojson(report);
    expect(result?.outcome).toBe('failed');
    const [ring] = result?.findings ?? [];
    expect(ring).toMatchObject({ code, severity: 'error', rule: 'OPARL-LOCATION-GEOJSON', params: { requirement: ringRequirement } });
    expect(ring?.location?.bodyPointer).toMatch(/\/geojson\/geometry\/coordinates\/0$/);
    expect(requirement(report)).toBe('failed');
  });

  it('passes a counterclockwise exterior ring with a clockwise hole (§3.1.6 right-hand rule)', async () => {
    const report = await runThrough(WITH_HOLE);
    expect(locationGeojson(report)?.outcome).toBe('passed');
    expect(requirement(report)).toBe('passed');
  });
});
