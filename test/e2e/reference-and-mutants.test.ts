/**
 * The OpenAPI contract suite's self-test: the Pegel-Online reference server is conformant,
 * and each mutant, breaking exactly one thing, fails exactly the check it names.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/pegel-online/mutants.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { conformantCliRun } from '../helpers/conformant-run.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const scratch = await mkdtemp(join(tmpdir(), 'konform-mutants-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function runAgainst(mutant?: MutantName): Promise<Report> {
  const server = await startPegelServer(mutant ? { mutant } : {});
  try {
    return await run({ suite: 'openapi-contract', target: { url: server.url, spec: SPEC } });
  } finally {
    await server.close();
  }
}

const failedChecks = (report: Report) => [...new Set(report.results.filter((r) => r.outcome === 'failed').map((r) => r.check))];

describe('openapi-contract against the Pegel-Online reference server', () => {
  it('is conformant, through the CLI, with every report written and valid', async () => {
    const server = await startPegelServer();
    const out = join(scratch, 'reference');
    const report = await conformantCliRun(['run', 'openapi-contract', '--target', server.url, '--spec', SPEC], out, server);
    // The reference documents no security requirement: nothing for OAS-SECURITY-ENFORCED to examine.
    const notPassed = report.requirements.filter((requirement) => requirement.outcome !== 'passed');
    expect(notPassed.map(({ id, outcome }) => [id, outcome])).toEqual([['OAS-SECURITY-ENFORCED', 'inapplicable']]);
    expect(await readFile(join(out, 'junit.xml'), 'utf8')).toContain('<testsuites');
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toMatch(/^# konform: konform —/);
  });

  it('gives the same results in the same order whatever the concurrency', async () => {
    const server = await startPegelServer();
    try {
      const runWith = (concurrency: number) =>
        run({ suite: 'openapi-contract', target: { url: server.url, spec: SPEC }, limits: { concurrency, ratePerHost: 0 } });
      const [serial, parallel] = [await runWith(1), await runWith(16)];
      const shape = (report: Report) => report.results.map((r) => [r.id, r.outcome, r.evidence]);
      expect(shape(parallel)).toEqual(shape(serial));
      expect(parallel.exchanges.map((e) => [e.id, e.request.method, e.request.url])).toEqual(
        serial.exchanges.map((e) => [e.id, e.request.method, e.request.url]),
      );
    } finally {
      await server.close();
    }
  });

  for (const [name, mutant] of Object.entries(MUTANTS) as Array<[MutantName, (typeof MUTANTS)[MutantName]]>) {
    it(`mutant ${name} fails exactly ${mutant.breaks}`, async () => {
      const report = await runAgainst(name);
      expect(report.exitCode).toBe(1);
      expect(failedChecks(report)).toEqual([mutant.breaks]);
      const failure = report.results.find((result) => result.outcome === 'failed');
      expect(failure?.findings.length).toBeGreaterThan(0);
      expect(failure?.evidence.length).toBeGreaterThan(0);
      expect(report.exchanges.map((exchange) => exchange.id)).toEqual(expect.arrayContaining(failure?.evidence ?? []));
    });
  }
});
