/**
 * ogcapi.geojson-content judges the features as GeoJSON (/req/geojson/content A) by the official
 * GeoJSON schema and the rules of RFC 7946 (src/geojson/): a position of four numbers breaks a
 * SHOULD, a warning that leaves the requirement passed; an unclosed linear ring breaks a MUST and
 * fails it, and so does a clockwise exterior ring (the right-hand rule). The reference server is served through a proxy that adds the defect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOgcServer, type OgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { everyObject, startRewritingProxy, type Rewrite } from '../geojson/rewriting-proxy.js';
import { requirementOutcome } from './variant-run.js';

const WITH_MEASURE: Rewrite = everyObject((object) =>
  object.type === 'Point' && Array.isArray(object.coordinates) ? { ...object, coordinates: [...object.coordinates, 0, 1700000000] } : object,
);
/** The park's ring without its closing position: still four positions, the same extent. */
const OPEN_RING: Rewrite = everyObject((object) =>
  object.type === 'Polygon' && Array.isArray(object.coordinates) ? { ...object, coordinates: object.coordinates.map((ring: number[][]) => ring.slice(0, -1)) } : object,
);

const polygons = (change: (rings: number[][][]) => number[][][]): Rewrite =>
  everyObject((object) => (object.type === 'Polygon' && Array.isArray(object.coordinates) ? { ...object, coordinates: change(object.coordinates as number[][][]) } : object));
/** The park's ring, counterclockwise, with a hole inside it, clockwise: the right-hand rule. */
const WITH_HOLE = polygons(([exterior = []]) => [exterior, [[7.125, 50.705], [7.125, 50.71], [7.135, 50.71], [7.135, 50.705], [7.125, 50.705]]]);
/** The park's ring the other way round. */
const CLOCKWISE = polygons((rings) => rings.map((ring) => [...ring].reverse()));

let server: OgcServer;
beforeAll(async () => {
  server = await startOgcServer();
});
afterAll(() => server.close());

async function runThrough(rewrite: Rewrite): Promise<Report> {
  const proxy = await startRewritingProxy(server.url, rewrite);
  try {
    return await run({ suite: 'ogcapi-features-1.0', target: { url: proxy.url }, limits: { ratePerHost: 0 } });
  } finally {
    await proxy.close();
  }
}

const geojsonContent = (report: Report) => report.results.filter((result) => result.check === 'geojson-content');

describe('ogcapi.geojson-content under RFC 7946', () => {
  it('warns of positions of four numbers (§3.1.1 SHOULD NOT) without failing the check', async () => {
    const report = await runThrough(WITH_MEASURE);
    const results = geojsonContent(report);
    expect(results.map((result) => result.outcome)).toEqual(results.map(() => 'passed'));
    const warnings = results.flatMap((result) => result.findings.filter((finding) => finding.severity === 'warning'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toMatchObject({ code: 'position-extended', rule: 'GEOJSON-POSITION-EXTENDED', params: { clause: 'https://www.rfc-editor.org/rfc/rfc7946#section-3.1.1' } });
    expect(warnings[0]?.location?.bodyPointer).toMatch(/^\/features\/\d+\/geometry\/coordinates$/);
    expect(requirementOutcome(report, '/req/geojson/content')).toBe('passed');
  });

  it.each([
    ['an unclosed linear ring (§3.1.6 MUST)', OPEN_RING, 'ring-not-closed', 'GEOJSON-LINEAR-RING'],
    ['a clockwise exterior ring (§3.1.6 right-hand rule MUST)', CLOCKWISE, 'ring-winding', 'GEOJSON-RING-WINDING'],
  ] as const)('fails %s', async (_name, rewrite, code, ringRequirement) => {
    const report = await runThrough(rewrite);
    const failed = geojsonContent(report).filter((result) => result.outcome === 'failed');
    expect(failed.length).toBe(1);
    const ring = failed[0]?.findings.find((finding) => finding.code === code);
    expect(ring).toMatchObject({ severity: 'error', rule: '/req/geojson/content', params: { requirement: ringRequirement } });
    expect(ring?.location?.bodyPointer).toMatch(/^\/features\/\d+\/geometry\/coordinates\/0$/);
    expect(requirementOutcome(report, '/req/geojson/content')).toBe('failed');
  });

  it('passes a counterclockwise exterior ring with a clockwise hole (§3.1.6 right-hand rule)', async () => {
    const report = await runThrough(WITH_HOLE);
    expect(geojsonContent(report).map((result) => result.outcome)).toEqual(geojsonContent(report).map(() => 'passed'));
    expect(requirementOutcome(report, '/req/geojson/content')).toBe('passed');
  });
});
