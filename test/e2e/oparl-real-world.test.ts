/**
 * oparl-1.0 against real vendor answers: four answers of the OParl 1.0 server of the Gemeinde
 * Hürtgenwald (STERNBERG SD.NET RIM 5.0.4, crawled 2021), served by fixtures/oparl-real-world.
 * Every failure below is a real deviation of that server, explained with the rule it breaks;
 * every cantTell is a URL whose answer the recording does not hold (the fixture closes the
 * connection there), never a failure of the vendor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealWorldServer, type RealWorldServer } from '../../fixtures/oparl-real-world/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';

let server: RealWorldServer;
let report: Report;

beforeAll(async () => {
  server = await startRealWorldServer();
  report = await run({ suite: 'oparl-1.0', profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0 } });
});
afterAll(() => server.close());

const findingsOf = (id: string) => report.results.find((result) => result.id === id)?.findings ?? [];
const outcomes = (wanted: string) => report.results.filter((result) => result.outcome === wanted).map((result) => result.id);

/** The vendor's deviations, each a failed result: why it fails. */
const FAILED: Record<string, string> = {
  // OPARL-JSON-MANDATORY-ARRAY: Body.legislativeTerm is required (schema 1.0.7) and must be output, as [] if empty (§2.4).
  'object-schema/Body': 'the Body has no legislativeTerm',
  // OPARL-OBJ-CREATED/-MODIFIED: System and Body are not output internally, so they must carry created and modified (§3.1).
  'created-modified/Body': 'the Body has no created and no modified',
  'created-modified/System': 'the System has no created and no modified',
  // OPARL-OBJ-VENDOR-PREFIX (SHOULD): embedded Files carry `body`, which File does not have in 1.0, without a vendor prefix.
  'vendor-extensions/File': 'File.body is not in the schema and has no vendor prefix',
  // OPARL-LOCATION-GEOJSON: the Body's location is {"type":"Feature","geometry":…} without "properties" (RFC 7946 §3.2).
  'location-geojson/Location': 'the geojson Feature has no properties member',
  // The heuristic of OPARL-LOCATION-GEOJSON (a warning check): [50.72…, 6.39…] is Hürtgenwald as [lat, lon].
  'coordinate-order/Location': 'the Body location is given as [latitude, longitude]',
  // OPARL-SYS-LICENSE (SHOULD): the System gives no licence for its data.
  'property-recommendations/System': 'the System has no license',
};

describe('oparl-1.0 against the recorded answers of a real OParl 1.0 server (SD.NET RIM, Hürtgenwald)', () => {
  it('writes a valid report: not conformant, for the vendor deviations only', () => {
    expect(validateReport(report)).toEqual([]);
    expect(report.verdict).toBe('notConformant');
    expect(outcomes('failed').sort()).toEqual(Object.keys(FAILED).sort());
    expect(outcomes('untested')).toEqual([]);
  });

  it('fails the vendor deviations with the findings that show them', () => {
    expect(findingsOf('object-schema/Body').map((finding) => [finding.rule, finding.location?.bodyPointer])).toEqual([['OPARL-JSON-MANDATORY-ARRAY', '/data/0/legislativeTerm']]);
    expect(findingsOf('created-modified/System').map((finding) => finding.code)).toEqual(['created-missing', 'modified-missing']);
    expect(findingsOf('created-modified/Body').map((finding) => finding.location?.bodyPointer)).toEqual(['/data/0/created', '/data/0/modified']);
    expect(findingsOf('vendor-extensions/File').map((finding) => [finding.code, finding.params?.property, finding.params?.count])).toEqual([['unknown-property', 'body', 25]]);
    expect(findingsOf('location-geojson/Location')[0]?.message).toContain('no "properties" member');
    expect(findingsOf('property-recommendations/System').map((finding) => finding.rule)).toEqual(['OPARL-SYS-LICENSE']);
  });

  it('detects the [lat, lon] coordinates of the Body location as a warning that does not decide the requirement', () => {
    const [swapped] = findingsOf('coordinate-order/Location');
    expect(swapped).toMatchObject({ code: 'coordinates-swapped', severity: 'warning', rule: 'OPARL-LOCATION-GEOJSON', location: { bodyPointer: '/data/0/location/geojson/geometry/coordinates' } });
    expect(swapped?.params?.position).toEqual([50.722007, 6.395776]);
    expect(report.results.find((result) => result.id === 'coordinate-order/Location')?.severity).toBe('warning');
    // The requirement fails for the missing "properties" member, not for the heuristic.
    expect(report.requirements.find((requirement) => requirement.id === 'OPARL-LOCATION-GEOJSON')?.outcome).toBe('failed');
  });

  it('reports the postal code with a trailing no-break space as information', () => {
    const padded = findingsOf('empty-values/Location').filter((finding) => finding.code === 'padded-string');
    expect(padded.map((finding) => [finding.location?.bodyPointer, finding.severity])).toEqual([['/data/0/location/postalCode', 'info']]);
    expect(padded[0]?.message).toContain('U+00A0');
  });

  it('reports the vendor extensions STERNBERG:* as allowed extensions', () => {
    const extensions = report.results
      .filter((result) => result.check === 'vendor-extensions')
      .flatMap((result) => result.findings.filter((finding) => finding.code === 'vendor-extension').map((finding) => finding.params?.property));
    expect(extensions.sort()).toEqual(['STERNBERG:RIMVersion', 'STERNBERG:gruppierung', 'STERNBERG:sortierung']);
    expect(report.results.filter((result) => result.id === 'vendor-extensions/Organization' || result.id === 'vendor-extensions/System').map((result) => result.outcome)).toEqual(['passed', 'passed']);
  });

  it('cannot tell what depends on answers the recording does not hold, and says which', () => {
    const cantTell = report.results.filter((result) => result.outcome === 'cantTell');
    expect(cantTell.length).toBeGreaterThan(0);
    for (const result of cantTell) {
      const undecided = result.findings.filter((finding) => finding.undecided);
      expect(undecided.length, result.id).toBeGreaterThan(0);
      // The fixture closes the connection for every URL it has no recording of; after ten of them
      // in a row konform sent nothing more to it (http/circuit-breaker.ts).
      for (const finding of undecided) expect(finding.message, result.id).toMatch(/other side closed|socket|stopped answering/);
    }
    expect(report.stoppedHosts).toEqual([{ host: expect.stringMatching(/^127\.0\.0\.1:\d+$/), reason: expect.stringMatching(/stopped answering/) }]);
    // The recorded answers themselves are judged: the System, the lists of bodies and organizations;
    // what other answers could change (the other 84 pages of papers, say) stays cantTell.
    expect(outcomes('passed')).toEqual(expect.arrayContaining(['system-object/server', 'list-pages/Body', 'list-pages/Organization', 'object-schema/Organization', 'object-schema/System']));
  });
});
