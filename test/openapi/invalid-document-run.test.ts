/**
 * A declared document that is not valid is the vendor's non-conformance, not a usage error:
 * runs of openapi-contract against the Pegel-Online reference server with broken copies of its
 * document fail OAS-DOC-VALID (or OAS-SCHEMA-VALID) with every problem located, and leave every
 * check that needs the document cantTell. A document that cannot be read is still exit 2.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { scratch } from './support.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const original = await readFile(SPEC, 'utf8');

/** The reference document with each `[from, to]` replaced once; each must occur. */
function brokenCopy(...edits: Array<[string, string]>): string {
  return edits.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replace(from, to);
  }, original);
}

let server: PegelServer;
let workspace: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  server = await startPegelServer();
  workspace = await scratch();
});
afterAll(async () => {
  await server.close();
  await workspace.remove();
});

const runOn = async (name: string, text: string): Promise<Report> =>
  run({ suite: 'openapi-contract', target: { url: server.url, spec: await workspace.write(name, text) } });

const documentResult = (report: Report) => report.results.find((result) => result.check === 'document');
const requirement = (report: Report, id: string) => report.requirements.find((entry) => entry.id === id)?.outcome;

function expectOthersUndecided(report: Report): void {
  const others = report.results.filter((result) => result.check !== 'document');
  expect(others.length).toBeGreaterThan(0);
  for (const result of others) {
    expect(result.outcome).toBe('cantTell');
    expect(result.findings[0]?.message).toContain('the declared document is invalid');
  }
  expect(report.exchanges).toEqual([]);
}

describe('an invalid declared document fails the document requirements', () => {
  it('through the CLI: exit 1, every structural error with pointer, line and column, everything else cantTell', async () => {
    const text = brokenCopy(['  title: "Pegel-Online API"\n', ''], ['      operationId: getStations\n', '      operationId: getStations\n      deprecated: "yes"\n']);
    const file = await workspace.write('two-errors.yaml', text);
    const out = join(workspace.dir, 'two-errors-report');
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', file, '--out', out]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('verdict: notConformant');
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const document = documentResult(report);
    expect(document?.outcome).toBe('failed');
    const invalid = document?.findings.filter((finding) => finding.rule === 'OAS-DOC-VALID') ?? [];
    expect(invalid.map((finding) => finding.location)).toEqual([
      { file, specPointer: '/info', line: 2, column: 1 },
      { file, specPointer: '/paths/~1stations.json/get/deprecated', line: 45, column: 7 },
    ]);
    expect(invalid[0]?.message).toContain("must have required property 'title'");
    expect(invalid[1]?.message).toContain('must be boolean');
    expect(requirement(report, 'OAS-DOC-VALID')).toBe('failed');
    expect(requirement(report, 'OAS-SCHEMA-VALID')).toBe('cantTell');
    expectOthersUndecided(report);
  });

  it('text that is not YAML: every syntax error with its line and column', async () => {
    const text = brokenCopy(['  version: "1.0.0"\n', '  version: "1.0.0"\n  version: "2"\n'], ['      operationId: getStations\n', '      operationId: getStations\n      operationId: again\n']);
    const report = await runOn('syntax.yaml', text);
    expect(report.exitCode).toBe(1);
    const findings = documentResult(report)?.findings.filter((finding) => finding.rule === 'OAS-DOC-VALID') ?? [];
    expect(findings.map((finding) => [finding.location?.line, finding.location?.column])).toEqual([
      [7, 3],
      [47, 7],
    ]);
    expect(findings[0]?.message).toContain('not valid YAML or JSON');
    expectOthersUndecided(report);
  });

  it('a structural error in a component that many operations use is one finding, where it is written', async () => {
    const report = await runOn('component.yaml', brokenCopy(['          example: W\n', '          example: W\n          minLength: -1\n']));
    const findings = documentResult(report)?.findings.filter((finding) => finding.rule === 'OAS-DOC-VALID') ?? [];
    expect(findings.map((finding) => finding.location?.specPointer)).toEqual(['/components/schemas/Timeseries/properties/shortname']);
  });

  it('schemas that are not valid JSON Schema fail OAS-SCHEMA-VALID, each at its pointer', async () => {
    const text = brokenCopy(['                minimum: 0\n', '                minimum: 0\n                pattern: "[a-"\n'], ['          example: W\n', '          example: W\n          pattern: "("\n']);
    const report = await runOn('schemas.yaml', text);
    expect(report.exitCode).toBe(1);
    const findings = documentResult(report)?.findings.filter((finding) => finding.rule === 'OAS-SCHEMA-VALID') ?? [];
    expect(findings.map((finding) => finding.location?.specPointer)).toEqual([
      '/components/schemas/Timeseries/properties/shortname/pattern',
      '/paths/~1stations.json/get/responses/200/headers/X-Pegel-Count/schema/pattern',
    ]);
    expect(requirement(report, 'OAS-DOC-VALID')).toBe('passed');
    expect(requirement(report, 'OAS-SCHEMA-VALID')).toBe('failed');
    expectOthersUndecided(report);
  });

  it('a document that cannot be read is still a usage error: exit 2', async () => {
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', join(workspace.dir, 'nothing-here.yaml')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('KONFORM_ERR_SPEC_MISSING');
  });
});
