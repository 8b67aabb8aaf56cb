/**
 * report.sarif from the reports of real runs, validated against the official SARIF 2.1.0 JSON
 * Schema (fixtures/sarif, OASIS, with Errata 01): message-file findings at their file, line and
 * column; findings about the declared OpenAPI document at its line and column; the requirement
 * catalogue as rules with their clauses as help URIs; one level per finding from its severity.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft4 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { withSeverity } from '../../src/judge/judgement.js';
import type { Report } from '../../src/model/report.js';
import { SARIF_SCHEMA, sarifChunks } from '../../src/report/sarif.js';
import { pathUri } from '../../src/report/sarif-locations.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { withShouldAndMayFailures } from './level-failures-report.js';
import { brokenPegelSpec, ogcRun, openApiRun, oparlRun, PEGEL_SPEC, xrechnungRun } from './real-runs.js';

interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
  logicalLocations?: Array<{ fullyQualifiedName: string; kind?: string }>;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: 'fail' | 'open';
  level?: string;
  message: { text: string };
  locations?: SarifLocation[];
  webRequest?: { target: string; method: string };
  webResponse?: { statusCode?: number; noResponseReceived?: boolean };
  properties: { check: string; result: string; outcome: string; code?: string; exchange?: string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; helpUri?: string; fullDescription?: { text: string }; defaultConfiguration?: { level: string } }> } };
    invocations: Array<{ executionSuccessful: boolean; exitCode: number; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>;
    results: SarifResult[];
  }>;
}

const SCHEMA_FILE = join(PACKAGE_ROOT, 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');

let validate: (log: unknown) => string[];
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-sarif-'));
  const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as { id: string };
  expect(schema.id).toBe(SARIF_SCHEMA);
  // Ajv's default strict mode: the official schema names properties in `required` of an
  // `anyOf` branch that only the object's own `properties` declare (strictRequired).
  const ajv = new AjvDraft4({ allErrors: true });
  addFormats.default(ajv);
  const compiled = ajv.compile(schema);
  validate = (log) => (compiled(log) ? [] : (compiled.errors ?? []).map((error) => `${error.instancePath}: ${error.message}`));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/**
 * The SARIF of a report, valid against the official schema, with rules that every result names
 * by ID and index, and only file URIs or relative references as artifact locations (code
 * scanning refuses a log with any other scheme).
 */
function sarifOf(report: Report): SarifLog['runs'][number] {
  const log = JSON.parse([...sarifChunks(report)].join('')) as SarifLog;
  expect(validate(log)).toEqual([]);
  expect(log.version).toBe('2.1.0');
  const [run] = log.runs;
  expect(run!.tool.driver).toMatchObject({ name: 'konform', version: report.tool.version });
  const rules = run!.tool.driver.rules;
  for (const requirement of report.requirements) {
    expect(rules).toContainEqual(expect.objectContaining({ id: requirement.id, helpUri: requirement.clause, fullDescription: { text: requirement.text } }));
  }
  for (const result of run!.results) {
    expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    for (const location of result.locations ?? []) expect(location.physicalLocation?.artifactLocation.uri ?? '').not.toMatch(/^(?!file:)[a-z][a-z0-9+.-]*:/i);
  }
  // Every failed check result is listed as a violation, every cantTell one as open.
  for (const result of report.results) {
    const listed = run!.results.filter((sarif) => sarif.properties.result === result.id).map((sarif) => sarif.kind);
    if (result.outcome === 'failed') expect(listed, result.id).toContain('fail');
    if (result.outcome === 'cantTell') expect(listed, result.id).toContain('open');
    if (result.outcome === 'inapplicable' || result.outcome === 'untested') expect(listed, result.id).toEqual([]);
  }
  return run!;
}

/** The sample report's failed result once for each of `count` message files. */
function xrechnungLike(count: number): Report {
  const report = sampleReport();
  const template = report.results[1]!;
  const files = Array.from({ length: count }, (_, index) => `invoices/${index}.xml`);
  report.target = { files, allowedHosts: [] };
  report.results = files.map((file) => ({ ...template, id: `status-documented/${file}`, subject: { id: file, title: file } }));
  return report;
}

describe('report.sarif', () => {
  it('of an XRechnung run: findings in message files at file, line and column, with the XPath', async () => {
    const report = await xrechnungRun();
    const run = sarifOf(report);
    const located = report.results.flatMap((result) =>
      result.outcome === 'failed' ? result.findings.filter((finding) => finding.severity === 'error' && finding.location?.line !== undefined) : [],
    );
    expect(located.map((finding) => finding.code)).toEqual(expect.arrayContaining(['not-xml', 'not-well-formed', 'xsd-invalid']));
    const place = (uri: string | undefined, line: number | undefined, column: number | undefined, message: string) => JSON.stringify([uri, line, column, message]);
    const listed = new Map(run.results.map((result) => {
      const physical = result.locations?.[0]?.physicalLocation;
      return [place(physical?.artifactLocation.uri, physical?.region?.startLine, physical?.region?.startColumn, result.message.text), result];
    }));
    for (const finding of located) {
      const { file, line, column } = finding.location!;
      expect(listed.get(place(pathUri(file!), line, column, finding.message))?.level, finding.message).toBe('error');
    }
    const xsd = run.results.find((result) => result.properties.code === 'xsd-invalid');
    expect(xsd).toMatchObject({ ruleId: 'XSD-UBL-INVOICE', kind: 'fail' });
    expect(xsd!.locations![0]!.physicalLocation!.artifactLocation.uri).toMatch(/^file:\/\/\/.*\/ubl005\.xml$/);
    expect(xsd!.locations![0]!.logicalLocations).toEqual([{ fullyQualifiedName: '/*/cbc:DueDate', kind: 'element' }]);
  });

  it('of an OpenAPI run with an invalid document: its problems at line and column of the document', async () => {
    const spec = await brokenPegelSpec(scratch);
    const report = await openApiRun(spec);
    const run = sarifOf(report);
    const [invalid] = run.results.filter((result) => result.properties.code === 'document-invalid' && result.kind === 'fail');
    expect(invalid).toMatchObject({ ruleId: 'OAS-DOC-VALID', level: 'error' });
    expect(invalid!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: pathUri(spec) }, region: { startLine: 95, startColumn: 13 } },
        logicalLocations: [{ fullyQualifiedName: '/paths/~1stations.json/get/parameters/4/schema/items' }],
      },
    ]);
    const lines = (await readFile(spec, 'utf8')).split('\n');
    expect([lines[94]!.slice(12), lines[95]!.trim()]).toEqual(['items:', 'type: strnig']);
  });

  it('of an OpenAPI run against a mutant: the answer that broke the contract, at the document, with its exchange', async () => {
    const report = await openApiRun(PEGEL_SPEC, 'undocumented-status');
    const run = sarifOf(report);
    const [status] = run.results.filter((result) => result.properties.code === 'status-undocumented');
    expect(status).toMatchObject({ ruleId: 'OAS-RESP-STATUS', level: 'error', properties: { code: 'status-undocumented', outcome: 'failed' } });
    expect(status!.locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: pathUri(PEGEL_SPEC) } },
        logicalLocations: [{ fullyQualifiedName: '/paths/~1waters.json/get/responses' }],
      },
    ]);
    expect(status!.webRequest).toEqual({ method: 'GET', target: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webservices\/rest-api\/v2\/waters\.json/) });
    expect(status!.webResponse).toEqual({ statusCode: 202 });
    expect(report.exchanges.map((exchange) => exchange.id)).toContain(status!.properties.exchange);
    // Every finding of this run points into the document: none is left without a file.
    expect(run.results.filter((result) => result.locations?.[0]?.physicalLocation === undefined)).toEqual([]);
  });

  it('of an OParl run, which has no file: a finding in an answer at its URL and body pointer, as logical locations', async () => {
    const report = await oparlRun();
    const run = sarifOf(report);
    const [canonical] = run.results.filter((result) => result.kind === 'fail');
    expect(canonical).toMatchObject({ ruleId: 'OPARL-URL-PATH-CANONICAL', level: 'error', webRequest: { method: 'GET', target: report.target.url } });
    expect(canonical!.locations).toEqual([{ logicalLocations: [{ fullyQualifiedName: report.target.url, kind: 'resource' }, { fullyQualifiedName: '/id' }] }]);
  });

  it('of an OGC API run without ETags: the broken recommendation is a warning', async () => {
    const report = await ogcRun();
    const run = sarifOf(report);
    const etags = run.results.filter((result) => result.ruleId === '/rec/core/etag');
    expect(etags.length).toBeGreaterThan(0);
    expect(new Set(etags.map((result) => result.level))).toEqual(new Set(['warning']));
    expect(run.tool.driver.rules.find((rule) => rule.id === '/rec/core/etag')?.defaultConfiguration).toEqual({ level: 'warning' });
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: true, exitCode: 0 });
  });

  it('takes the level of each finding from its severity: MUST error, SHOULD warning, MAY note', () => {
    const report = withShouldAndMayFailures();
    for (const result of report.results) result.findings = withSeverity(result.findings, result.outcome, result.severity);
    const run = sarifOf(report);
    const levels = (check: string) => [...new Set(run.results.filter((result) => result.properties.check === check).map((result) => result.level))];
    expect(levels('status-documented')).toEqual(['error']);
    expect(levels('naming')).toEqual(['warning']);
    expect(levels('hints')).toEqual(['note']);
    expect(levels('response-schema')).toEqual([undefined]);
  });

  it('says in the invocation that a run did not complete', () => {
    const run = sarifOf(incompleteReport());
    expect(run.invocations[0]).toEqual(expect.objectContaining({
      executionSuccessful: false,
      exitCode: 3,
      toolExecutionNotifications: [{ level: 'error', message: { text: 'the run did not complete: SIGINT' } }],
    }));
  });

  it('renders 10 000 message files in pieces no larger than one result', () => {
    const report = xrechnungLike(10_000);
    let pieces = 0;
    let largest = 0;
    for (const piece of sarifChunks(report)) {
      pieces += 1;
      largest = Math.max(largest, piece.length);
    }
    expect(pieces).toBeGreaterThan(report.results.length);
    expect(largest).toBeLessThan(2_000);
  });

  it('writes paths as URI references: relative paths relative, absolute ones as file URIs', () => {
    expect(pathUri('invoices/März 2025/#1.xml')).toBe('invoices/M%C3%A4rz%202025/%231.xml');
    expect(pathUri('/srv/in voices/a.xml')).toBe('file:///srv/in%20voices/a.xml');
    expect(pathUri('a:b/c.xml')).toBe('./a:b/c.xml');
    expect(pathUri('C:\\Rechnungen\\a.xml')).toBe('file:///C:/Rechnungen/a.xml');
  });
});
