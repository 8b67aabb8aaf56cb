/**
 * The OGC API - Features suite's self-test: the reference server (fixtures/ogcapi/) is conformant
 * with every requirement that has a check passed, and each mutant, breaking one rule, fails
 * exactly the checks it names. Budgets cut off what they do not reach as untested, and an
 * unreachable server is inconclusive, never conformant.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/ogcapi/mutants.js';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { conformantCliRun } from '../helpers/conformant-run.js';
import { suiteWorkspace } from '../helpers/suite-workspace.js';

const SUITE = 'ogcapi-features-1.0';
const scratch = await mkdtemp(join(tmpdir(), 'konform-ogcapi-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function runAgainst(mutant?: MutantName, suite = SUITE): Promise<Report> {
  const server = await startOgcServer(mutant ? { mutant } : {});
  try {
    return await run({ suite, target: { url: server.url }, limits: { ratePerHost: 0 } });
  } finally {
    await server.close();
  }
}

/** Requirements the reference server gives no case of: examined nothing, they are inapplicable, not passed. */
const NO_CASE_IN_REFERENCE: Record<string, 'inapplicable'> = {
  // Its pages carry no bbox member whose extent could be judged.
  '/rec/core/fc-extent': 'inapplicable',
  // Nothing is access-controlled: no answer refuses access.
  '/req/oas30/security': 'inapplicable',
};

const failedChecks = (report: Report) => [...new Set(report.results.filter((r) => r.outcome === 'failed').map((r) => r.check))].sort();

describe('ogcapi-features-1.0 against the reference server', () => {
  it('is conformant, through the CLI, with every report written and valid', async () => {
    const server = await startOgcServer();
    const report = await conformantCliRun(['run', SUITE, '--target', server.url], join(scratch, 'reference'), server);
    // places has no temporal extent, so only gauges can show that datetime filters.
    expect(report.results.filter((result) => result.outcome === 'inapplicable').map((result) => result.id)).toEqual([
      'datetime-filter/places',
    ]);
    for (const requirement of report.requirements) {
      const expected = requirement.checks.length === 0 ? 'untested' : (NO_CASE_IN_REFERENCE[requirement.id] ?? 'passed');
      expect([requirement.id, requirement.outcome]).toEqual([requirement.id, expected]);
    }
  });

  it('gives the same results in the same order whatever the concurrency', async () => {
    const server = await startOgcServer();
    try {
      const runWith = (concurrency: number) => run({ suite: SUITE, target: { url: server.url }, limits: { concurrency, ratePerHost: 0 } });
      const shape = (report: Report) =>
        report.results.map((result) => [result.id, result.outcome, result.findings.map((finding) => finding.code)]);
      expect(shape(await runWith(16))).toEqual(shape(await runWith(1)));
    } finally {
      await server.close();
    }
  });

  for (const [name, mutant] of Object.entries(MUTANTS) as Array<[MutantName, (typeof MUTANTS)[MutantName]]>) {
    it(`mutant ${name} fails exactly ${mutant.breaks.join(', ')}`, async () => {
      const report = await runAgainst(name);
      expect(failedChecks(report)).toEqual([...mutant.breaks].sort());
      for (const failure of report.results.filter((result) => result.outcome === 'failed')) {
        expect(failure.findings.length).toBeGreaterThan(0);
        for (const finding of failure.findings) {
          const requirement = report.requirements.find((candidate) => candidate.id === finding.rule);
          expect(requirement?.checks).toContain(failure.check);
          expect(report.exchanges.map((exchange) => exchange.id)).toContain(finding.exchange);
        }
      }
      const deciding = report.results.some((result) => result.outcome === 'failed' && result.severity === 'error');
      expect(report.exitCode).toBe(deciding ? 1 : 0);
    });
  }

  it('reports the collections beyond maxCollections as untested, never as passed', async () => {
    const workspace = await suiteWorkspace(SUITE, 'ogcapi-features/1.0');
    try {
      await workspace.edit(workspace.suiteFile, (text) =>
        text.replace('kind: ogcapi.items\n', 'kind: ogcapi.items\n        options: { maxCollections: 1 }\n'),
      );
      const report = await runAgainst(undefined, workspace.suiteFile);
      const items = report.results.filter((result) => result.check === 'items');
      expect(items.map((result) => [result.id, result.outcome])).toEqual([
        ['items/places', 'passed'],
        ['items/more-collections', 'untested'],
      ]);
      expect(report.requirements.find((requirement) => requirement.id === '/req/core/fc-links')?.outcome).toBe('untested');
      expect(report.verdict).toBe('inconclusive');
    } finally {
      await workspace.remove();
    }
  });

  it('is inconclusive, not conformant, when the server cannot be reached', async () => {
    const server = await startOgcServer();
    const url = server.url;
    await server.close();
    const report = await run({ suite: SUITE, target: { url }, limits: { ratePerHost: 0, timeoutMs: 2000 } });
    expect(report.exitCode).toBe(3);
    expect(report.counts.passed).toBe(0);
    expect(report.results.find((result) => result.check === 'landing-page')?.findings[0]?.code).toBe('transport-failure');
  });
});
