/**
 * A target that does not answer (a closed loopback port) gives the same finding in every family:
 * each finding that rests on a request without an answer is `transport-failure` (or names it as
 * the cause of a rule not examined), its message names the URL, the reason and what happened
 * (http/failure-finding.ts), its params the URL and the reason of the exchange; and nothing that
 * needed an answer is decided.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/closed-port.js';
import { startHostileCrawlServer, type HostileCrawlServer } from '../../fixtures/oparl/hostile-server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import type { RunOptions } from '../../src/run/options.js';
import { run } from '../../src/run/run.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');

const RUNS: Record<string, Omit<RunOptions, 'target'> & { spec?: string }> = {
  'oparl-1.1': { suite: 'oparl-1.1', profile: 'without-https' },
  'ogcapi-features-1.0': { suite: 'ogcapi-features-1.0' },
  'openapi-contract': { suite: 'openapi-contract', spec: SPEC },
};

const reports = new Map<string, Report>();
let hostile: HostileCrawlServer;
beforeAll(async () => {
  const url = `http://127.0.0.1:${await closedPort()}/`;
  for (const [name, { spec, ...options }] of Object.entries(RUNS)) {
    reports.set(name, await run({ ...options, target: { url, ...(spec ? { spec } : {}) }, limits: { ratePerHost: 0 } }));
  }
  // An OParl server whose links break: a reset connection, an answer that never comes, a redirect to another host.
  hostile = await startHostileCrawlServer();
  const limits = { ratePerHost: 0, timeoutMs: 1_000, maxResponseBytes: 1024 * 1024 };
  reports.set('oparl-1.1, links without an answer', await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url: hostile.url }, limits }));
});
afterAll(() => hostile?.close());

/** Every finding of `report` that rests on an exchange without an answer, with that exchange's error. */
function unansweredFindings(report: Report) {
  const failed = new Map(report.exchanges.filter((exchange) => exchange.error && !exchange.response).map((exchange) => [exchange.id, exchange]));
  return report.results.flatMap((result) =>
    result.findings.flatMap((finding) => {
      const exchange = finding.exchange === undefined ? undefined : failed.get(finding.exchange);
      return exchange ? [{ finding, request: exchange.request.url, reason: exchange.error?.reason }] : [];
    }),
  );
}

describe('a target that does not answer', () => {
  it.each([...Object.keys(RUNS), 'oparl-1.1, links without an answer'])('%s: every finding without an answer is the one transport failure', (name) => {
    const report = reports.get(name) as Report;
    const found = unansweredFindings(report);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some(({ finding }) => finding.code === 'transport-failure')).toBe(true);
    for (const { finding, request, reason } of found) {
      // A rule the check did not get to for want of the answer names the failure as its cause (checks/undecided-rules.ts).
      const covering = finding.code === 'not-examined';
      expect(finding).toMatchObject(covering ? { params: { cause: 'transport-failure' } } : { code: 'transport-failure', params: { url: request, reason } });
      const message = covering ? finding.message.replace(/^not examined: /, '') : finding.message;
      const shape = `the request to ${request} failed (${reason}): `;
      expect(message.slice(0, shape.length)).toBe(shape);
      expect(message.length).toBeGreaterThan(shape.length);
    }
  });

  it.each(Object.keys(RUNS))('%s: fails nothing, and passes nothing it needed an answer for', (name) => {
    const report = reports.get(name) as Report;
    const decided = report.results.filter((result) => result.outcome === 'failed' || (result.outcome === 'passed' && result.evidence.length > 0));
    expect(decided.map((result) => result.id)).toEqual([]);
    expect(report.verdict).not.toBe('conformant');
  });

  it('oparl-1.1: a link without an answer leaves links-resolve undecided with its transport failure', () => {
    const report = reports.get('oparl-1.1, links without an answer') as Report;
    const reasons = report.results
      .filter((result) => result.check === 'links-resolve')
      .flatMap((result) => result.findings.filter((finding) => finding.code === 'transport-failure' && finding.undecided).map((finding) => finding.params?.reason));
    expect(reasons).toEqual(expect.arrayContaining(['connectionReset', 'timeout', 'hostNotAllowed']));
  });
});
