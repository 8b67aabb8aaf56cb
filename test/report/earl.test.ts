/**
 * report.earl.jsonld read back as RDF by a real JSON-LD processor (jsonld, safe mode, no
 * network), from the reports of real runs: one earl:Assertion per requirement and per check
 * result, each asserted by konform with its version, about the target or one of its parts,
 * with EARL's outcome of that requirement or result and every finding as an earl:info.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../src/core/package-root.js';
import { findingLine, exchangeLookup } from '../../src/report/describe-finding.js';
import { earlChunks } from '../../src/report/earl.js';
import type { Report } from '../../src/model/report.js';
import { OUTCOMES } from '../../src/model/outcome.js';
import { incompleteReport, sampleReport } from '../helpers/sample-report.js';
import { NS, readJsonLd, type RdfGraph } from './rdf-graph.js';
import { brokenPegelSpec, ogcRun, openApiRun, oparlRun, xrechnungRun } from './real-runs.js';

const earl = (term: string) => `${NS.earl}${term}`;
const dct = (term: string) => `${NS.dct}${term}`;

/** The graph of a report's EARL, holding what every report's graph must hold (expectEarlOf). */
async function earlGraph(report: Report): Promise<RdfGraph> {
  const graph = await readJsonLd([...earlChunks(report)].join(''));
  expectEarlOf(report, graph);
  return graph;
}

/** The assertions about the test whose dct:identifier is `id` (a requirement or a check). */
function assertionsOfTest(graph: RdfGraph, type: 'TestRequirement' | 'TestCase', id: string): string[] {
  const tests = graph.having(dct('identifier'), id).filter((node) => graph.values(node, `${NS.rdf}type`).includes(earl(type)));
  expect(tests, `${type} ${id}`).toHaveLength(1);
  return graph.having(earl('test'), tests[0]!);
}

const outcomeOf = (graph: RdfGraph, assertion: string): string => graph.value(graph.value(assertion, earl('result')), earl('outcome'));

/** The one assertion about a requirement, expected to have failed. */
function failedRequirement(graph: RdfGraph, id: string): string {
  const [assertion] = assertionsOfTest(graph, 'TestRequirement', id);
  expect(outcomeOf(graph, assertion!), id).toBe(earl('failed'));
  return assertion!;
}

/** What every report's graph must hold, whatever the run. */
function expectEarlOf(report: Report, graph: RdfGraph): void {
  const assertions = graph.ofType(earl('Assertion'));
  expect(assertions).toHaveLength(report.requirements.length + report.results.length);

  const [assertor] = graph.ofType(earl('Software'));
  expect(graph.values(assertor!, `${NS.rdf}type`)).toContain(earl('Assertor'));
  expect(graph.value(assertor!, dct('title'))).toBe('konform');
  expect(graph.value(assertor!, dct('hasVersion'))).toBe(TOOL_VERSION);
  for (const assertion of assertions) {
    expect(graph.value(assertion, earl('assertedBy'))).toBe(assertor);
    expect(graph.values(assertion, earl('subject'))).toHaveLength(1);
    expect(graph.value(assertion, earl('mode'))).toBe(earl('automatic'));
    expect(OUTCOMES.map(earl)).toContain(outcomeOf(graph, assertion));
  }

  for (const requirement of report.requirements) {
    const [assertion, ...others] = assertionsOfTest(graph, 'TestRequirement', requirement.id);
    expect(others).toEqual([]);
    expect(outcomeOf(graph, assertion!), requirement.id).toBe(earl(requirement.outcome));
    const test = graph.value(assertion!, earl('test'));
    expect(graph.value(test, dct('description'))).toBe(requirement.text);
    expect(graph.value(test, dct('source'))).toBe(requirement.clause);
  }

  const exchangeOf = exchangeLookup(report);
  const counted = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0]));
  for (const result of report.results) {
    const [testResult, ...others] = graph.having(dct('identifier'), result.id).filter((node) => graph.values(node, earl('outcome')).length > 0);
    expect(others, result.id).toEqual([]);
    const outcome = graph.value(testResult!, earl('outcome')).slice(NS.earl.length);
    counted[outcome] = (counted[outcome] ?? 0) + 1;
    const info = graph.values(testResult!, earl('info'));
    for (const finding of result.findings) {
      expect(info, result.id).toContain(findingLine(finding, exchangeOf));
      expect(info.some((line) => line.includes(finding.message))).toBe(true);
    }
  }
  expect(counted).toEqual(report.counts);
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-earl-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('report.earl.jsonld', () => {
  it('of an XRechnung run over failing files: each file a subject of the run, XML-WELL-FORMED failed', async () => {
    const report = await xrechnungRun();
    const graph = await earlGraph(report);
    const wellFormed = failedRequirement(graph, 'XML-WELL-FORMED');
    const target = graph.value(wellFormed, earl('subject'));
    expect(graph.value(target, dct('title'))).toBe(`${report.target.files!.length} message files`);
    const bin = report.target.files!.find((file) => file.endsWith('bin001.xml'))!;
    const [file] = graph.having(dct('identifier'), bin);
    expect(graph.value(file!, dct('isPartOf'))).toBe(target);
    const aboutBin = graph.having(earl('subject'), file!);
    expect(aboutBin).toHaveLength(report.results.filter((result) => result.subject?.id === bin).length);
    expect(aboutBin.map((assertion) => outcomeOf(graph, assertion))).toContain(earl('failed'));
  });

  it('of an OParl run against a mutant: the endpoint is the subject, its object types are parts of it', async () => {
    const report = await oparlRun();
    const graph = await earlGraph(report);
    const canonical = failedRequirement(graph, 'OPARL-URL-PATH-CANONICAL');
    expect(graph.value(canonical, earl('subject'))).toBe(report.target.url);
    const failed = report.results.find((result) => result.outcome === 'failed')!;
    const [testResult] = graph.having(dct('identifier'), failed.id);
    const [assertion] = graph.having(earl('result'), testResult!);
    const part = graph.value(assertion!, earl('subject'));
    expect(graph.value(part, dct('identifier'))).toBe(failed.subject!.id);
    expect(graph.value(part, dct('isPartOf'))).toBe(report.target.url);
    expect(graph.value(testResult!, dct('description'))).toBe(`failed (MUST): ${failed.title} — ${failed.subject!.title}`);
  });

  it('of an OGC API run without ETags: the recommendation failed, at its level', async () => {
    const report = await ogcRun();
    const graph = await earlGraph(report);
    const etag = failedRequirement(graph, '/rec/core/etag');
    expect(graph.value(graph.value(etag, earl('result')), dct('description'))).toMatch(/^SHOULD, failed: checks http-recommendations; \d+ findings of this rule$/);
  });

  it('of an OpenAPI run with an invalid document: the document a part of the endpoint, with its sha256', async () => {
    const report = await openApiRun(await brokenPegelSpec(scratch));
    const graph = await earlGraph(report);
    const [document] = graph.having(dct('identifier'), report.target.spec!.path);
    expect(graph.value(document!, dct('isPartOf'))).toBe(report.target.url);
    const checksum = graph.value(document!, `${NS.spdx}checksum`);
    expect(graph.value(checksum, `${NS.spdx}algorithm`)).toBe(`${NS.spdx}checksumAlgorithm_sha256`);
    expect(graph.value(checksum, `${NS.spdx}checksumValue`)).toBe(report.target.spec!.sha256);
    failedRequirement(graph, 'OAS-DOC-VALID');
  });

  it('says why a requirement stayed untested when the run was interrupted', async () => {
    const report = incompleteReport();
    const graph = await earlGraph(report);
    const [assertion] = assertionsOfTest(graph, 'TestRequirement', 'OPARL-HTTP-2');
    expect(graph.value(graph.value(assertion!, earl('result')), dct('description'))).toBe(
      'MUST, untested: checks status-documented; the run did not complete (SIGINT)',
    );
    const [notTestable] = assertionsOfTest(graph, 'TestRequirement', 'OPARL-UI-1');
    expect(graph.value(graph.value(notTestable!, earl('result')), dct('description'))).toBe('SHOULD, untested: konform cannot test it: needs a human');
  });

  it('keeps hostile text of a finding intact as a literal', async () => {
    const report = sampleReport();
    const hostile = 'a "quoted" }]} \\ back\nslash @context _:b0 <http://x> 😀';
    report.results[1]!.findings[0]!.message = hostile;
    const graph = await earlGraph(report);
  });

  it('renders 10 000 message files in pieces no larger than one node', () => {
    const report = sampleReport();
    const template = report.results[1]!;
    const files = Array.from({ length: 10_000 }, (_, index) => `invoices/${index}.xml`);
    report.target = { files, allowedHosts: [] };
    report.results = files.map((file) => ({ ...template, id: `status-documented/${file}`, subject: { id: file, title: file } }));
    let pieces = 0;
    let largest = 0;
    let total = 0;
    for (const piece of earlChunks(report)) {
      pieces += 1;
      largest = Math.max(largest, piece.length);
      total += piece.length;
    }
    expect(pieces).toBeGreaterThan(2 * files.length);
    expect(total).toBeGreaterThan(10_000_000);
    expect(largest).toBeLessThan(4_000);
  });
});
