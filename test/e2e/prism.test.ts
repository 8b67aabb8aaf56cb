/**
 * The OpenAPI contract suite against Stoplight Prism 5.14.2, a real third-party server, mocking
 * published documents from fixtures/specs. Prism serves a document's paths at its root and
 * ignores the path of `servers`, so the target is Prism's root URL. Without
 * `Prefer: dynamic=true` Prism answers with static examples, so every run gives the outcomes
 * recorded in prism-expectations/<folder>.json (KONFORM_UPDATE_EXPECTATIONS=1 rewrites them).
 * Every failed or cantTell result is explained below by the cause seen in its exchange.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { AuthConfig } from '../../src/http/types.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { startPrismMock, type PrismMock } from '../helpers/prism.js';

/** Why a result failed or could not be decided, and the code of the findings that show it. */
interface Explanation {
  finding: string;
  cause: string;
}
type Explanations = Record<string, Explanation>;

const TRACE_WITHOUT_ALLOW: Explanation = {
  finding: 'allow-header-missing',
  cause:
    'Prism answers TRACE on a documented path with 405 (NO_METHOD_MATCHED_ERROR) but without the Allow header ' +
    'RFC 9110 §15.5.6 requires in every 405: a defect of the mock.',
};
const traceWithoutAllow = (paths: string[]): Explanations =>
  Object.fromEntries(paths.map((path) => [`undocumented-method/${path}`, TRACE_WITHOUT_ALLOW]));

// travelwarning-api documents the 200 body of four operations only as `text/json;charset=UTF-8`.
const TEXT_JSON_OPERATIONS = ['getTravelwarning', 'getSingleTravelwarning', 'getRepresentativesGermany', 'getRepresentativesCountry'];
const TEXT_JSON_SERVER_ERROR: Explanation = {
  finding: 'server-error',
  cause:
    'The document gives the 200 body only as text/json;charset=UTF-8, not application/json (RFC 8259 §11). Prism ' +
    'serialises an example object only for application/json, application/*+json and XML, and under text/* only ' +
    'strings, so it answers the valid GET with 500 NO_COMPLEX_OBJECT_TEXT: a defect of the mock, provoked by the ' +
    'unregistered media type of the document.',
};
const TEXT_JSON_UNJUDGED: Explanation = {
  finding: 'server-error',
  cause: "The answer is Prism's 500 NO_COMPLEX_OBJECT_TEXT (see no-server-error); a 5xx is no documented response, so konform cannot judge it.",
};
const TEXT_JSON_REFUSAL_UNPROVEN: Explanation = {
  finding: 'no-success',
  cause:
    "The valid GET got Prism's 500 NO_COMPLEX_OBJECT_TEXT (see no-server-error), so the 4xx Prism gives the invalid " +
    'value proves nothing: it would refuse the valid request as well.',
};
const ANSWER_CHECKS = ['status-documented', 'content-type-documented', 'body-schema', 'required-headers'];
const textJsonServerErrors = (): Explanations =>
  Object.fromEntries(
    TEXT_JSON_OPERATIONS.flatMap((operation) => [
      [`no-server-error/${operation}`, TEXT_JSON_SERVER_ERROR],
      ...ANSWER_CHECKS.map((check) => [`${check}/${operation}`, TEXT_JSON_UNJUDGED]),
    ]),
  );

// api-popp describes a WebSocket handshake: its GET documents 101, 400, 404 and 426, no 2XX.
const POPP_UNSOLICITED_SWITCH: Explanation = {
  finding: 'transport-failure',
  cause:
    'With no 2XX or default response documented, Prism mocks the first one, 101 Switching Protocols, and sends it ' +
    'to the plain GET of konform, which offered no Upgrade, without an Upgrade header: against RFC 9110 §7.8 (no ' +
    'switch to a protocol the client did not offer) and §15.2.2 (a 101 carries Upgrade). undici refuses the ' +
    'unsolicited switch, konform records a protocol failure and cannot tell.',
};

// autobahn-api has no example for its list answers; Prism builds them from the schemas.
const AUTOBAHN_IDENTIFIER: Explanation = {
  finding: 'body-schema-mismatch',
  cause:
    'Prism builds the list body from the schemas (not from the example of Roadwork and its siblings) and fills ' +
    'identifier (Identifier: type string, format byte) with the placeholder "string", which is no base64 ' +
    '(RFC 4648 §4: 6 characters), so the body violates the document: a defect of the mock. The examples of the ' +
    'document carry base64 identifiers, and the details operations, answered with them, pass.',
};

interface MockedSpec {
  /** Folder in fixtures/specs; also the name of the expectation file. */
  folder: string;
  file: string;
  auth?: AuthConfig[];
  explained: Explanations;
}

const DIP_RESOURCES = ['vorgang', 'vorgangsposition', 'drucksache', 'drucksache-text', 'plenarprotokoll', 'plenarprotokoll-text', 'aktivitaet', 'person'];
const AUTOBAHN_SERVICES = { roadworks: 'roadworkId', webcam: 'webcamId', parking_lorry: 'lorryId', warning: 'warningId', closure: 'closureId', electric_charging_station: 'stationId' };

const MOCKED: MockedSpec[] = [
  {
    folder: 'pegel-online-api',
    file: 'openapi.yaml',
    explained: traceWithoutAllow(['/stations.json', '/stations/{station}.json', '/stations/{station}/{timeseries}.json',
      '/stations/{station}/{timeseries}/measurements.json', '/stations/{station}/{timeseries}/measurements.png', '/waters.json']),
  },
  {
    folder: 'travelwarning-api',
    file: 'openapi.yaml',
    explained: {
      ...textJsonServerErrors(),
      'invalid-parameter/getSingleTravelwarning': TEXT_JSON_REFUSAL_UNPROVEN,
      ...traceWithoutAllow(['/travelwarning', '/travelwarning/{contentId}', '/representativesInGermany', '/representativesInCountry', '/stateNames', '/healthcare']),
    },
  },
  {
    folder: 'dip-bundestag-api',
    file: 'openapi.yaml',
    // Prism checks that a credential of the document's API key scheme is present, not its value; without
    // one it answers the documented 401, which every invalid-parameter check would take for a refusal.
    auth: [{ scheme: 'apiKey', in: 'header', name: 'Authorization', value: 'ApiKey konform-test-key' }],
    explained: traceWithoutAllow(DIP_RESOURCES.flatMap((resource) => [`/${resource}`, `/${resource}/{id}`])),
  },
  {
    folder: 'api-popp',
    file: 'I_PoPP_Token_Generation.yaml',
    // OpenAPI 3.1. Prism checks that a bearer token is present for the oauth2 scheme; without one it answers 401.
    auth: [{ scheme: 'bearer', token: 'konform-test-token' }],
    explained: {
      ...Object.fromEntries([...ANSWER_CHECKS, 'no-server-error'].map((check) => [`${check}/connect`, POPP_UNSOLICITED_SWITCH])),
      ...traceWithoutAllow(['/popp/practitioner/api/v1/token-generation-ehc']),
    },
  },
  {
    folder: 'autobahn-api',
    file: 'openapi.yaml',
    explained: {
      ...Object.fromEntries(['list-roadworks', 'list-webcams', 'list-parking-lorries', 'list-warnings', 'list-closures', 'list-charging-stations']
        .map((operation) => [`body-schema/${operation}`, AUTOBAHN_IDENTIFIER])),
      ...traceWithoutAllow(['/', ...Object.entries(AUTOBAHN_SERVICES).flatMap(([service, id]) => [`/{roadId}/services/${service}`, `/details/${service}/{${id}}`])]),
    },
  },
];

const UPDATE_EXPECTATIONS = process.env.KONFORM_UPDATE_EXPECTATIONS === '1';

describe.each(MOCKED)('the contract suite against Prism mocking $folder', ({ folder, file, auth, explained }) => {
  let prism: PrismMock | undefined;
  let out: string;
  let report: Report;
  beforeAll(async () => {
    const spec = join(PACKAGE_ROOT, 'fixtures', 'specs', folder, file);
    prism = await startPrismMock(spec);
    out = await mkdtemp(join(tmpdir(), 'konform-prism-'));
    report = await run({ suite: 'openapi-contract', target: { url: prism.base, spec }, out, limits: { concurrency: 2 }, ...(auth ? { auth } : {}) });
  });
  afterAll(async () => {
    prism?.stop();
    await rm(out, { recursive: true, force: true });
  });

  it('completes with a valid report', async () => {
    expect(report.complete).toBe(true);
    expect(validateReport(report)).toEqual([]);
    expect(validateReport(JSON.parse(await readFile(join(out, 'report.json'), 'utf8')))).toEqual([]);
  });

  it('gives the recorded outcome for every result', async () => {
    const expectations = new URL(`./prism-expectations/${folder}.json`, import.meta.url);
    const outcomes = Object.fromEntries(report.results.map((result) => [result.id, result.outcome]));
    if (UPDATE_EXPECTATIONS) await writeFile(expectations, `${JSON.stringify(outcomes, null, 2)}\n`);
    expect(outcomes).toEqual(JSON.parse(await readFile(expectations, 'utf8')));
  });

  it('fails or cannot tell exactly where the explanation table says, for the reason it says', () => {
    const failedOrCantTell = report.results.filter((result) => result.outcome === 'failed' || result.outcome === 'cantTell');
    expect(failedOrCantTell.map((result) => result.id).sort()).toEqual(Object.keys(explained).sort());
    for (const result of failedOrCantTell) {
      expect(new Set(result.findings.map((finding) => finding.code)), result.id).toEqual(new Set([explained[result.id]?.finding]));
    }
  });
});
