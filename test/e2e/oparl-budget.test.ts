/**
 * What the crawl budget cuts off is untested, never passed: oparl-1.1 with a budget far too
 * small for the reference server leaves the run inconclusive, names what was not fetched, and
 * still fails what it did see broken.
 */
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer, type OParlServer } from '../../fixtures/oparl/server.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

let workspace: SuiteWorkspace;

/** Every check of the suite gets the same small budget, so that they share one crawl. */
function withBudget(text: string): string {
  const document = parseDocument(text);
  const classes = document.toJS() as { classes: Array<{ checks: Array<{ options?: Record<string, unknown> }> }> };
  classes.classes.forEach((cls, c) =>
    cls.checks.forEach((check, k) => document.setIn(['classes', c, 'checks', k, 'options'], { ...check.options, budget: { maxRequests: 30 } })),
  );
  return document.toString();
}

async function runWithBudget(server: OParlServer): Promise<Report> {
  return run({ suite: workspace.suiteFile, profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0 } });
}

beforeAll(async () => {
  workspace = await suiteWorkspace('oparl-1.1', 'oparl/1.1');
  await workspace.edit(workspace.suiteFile, withBudget);
});
afterAll(() => workspace.remove());

describe('oparl-1.1 with a crawl budget too small for the server', () => {
  it('reports what the budget cut off as untested and the run as inconclusive', async () => {
    const server = await startOParlServer();
    const report = await runWithBudget(server).finally(() => server.close());
    expect(report.counts.failed).toBe(0);
    expect(report.counts.untested).toBeGreaterThan(0);
    expect(report.verdict).toBe('inconclusive');
    expect(report.exitCode).toBe(3);
    for (const result of report.results.filter((candidate) => candidate.outcome === 'untested')) {
      expect(result.findings.map((finding) => finding.code), result.id).toContain('crawl-cut-off');
    }
    // The System is fetched first, within any budget: its checks are decided.
    expect(report.results.find((result) => result.id === 'object-schema/System')?.outcome).toBe('passed');
  });

  it('still fails what it saw broken', async () => {
    const server = await startOParlServer({ mutant: 'no-cors' });
    const report = await runWithBudget(server).finally(() => server.close());
    expect(report.results.find((result) => result.id === 'cors/server')?.outcome).toBe('failed');
    expect(report.verdict).toBe('notConformant');
  });
});
