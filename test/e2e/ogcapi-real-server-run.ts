/**
 * The frame of the end-to-end runs of ogcapi-features-1.0 against real third-party servers: start
 * the server with its script in fixtures/servers/ (skipped only where it cannot be installed), run the
 * suite once, and hold every result to the recorded expectations: an outcome other than passed
 * is listed with the requirements its findings decide and the cause seen in its exchanges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealServer, unavailable, type RealServer, type RealServerKind } from '../../fixtures/ogcapi/real-servers.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';

export interface Expected {
  outcome: 'failed' | 'cantTell' | 'inapplicable';
  /** The requirements its findings decide. */
  rules: string[];
  cause: string;
}

export function describeRealServerRun(kind: RealServerKind, expected: Record<string, Expected>, skip = unavailable(kind)): void {
  describe.skipIf(skip !== undefined)(`ogcapi-features-1.0 against ${kind.name}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let server: RealServer | undefined;
    let report: Report;
    beforeAll(async () => {
      server = await startRealServer(kind);
      report = await run({ suite: 'ogcapi-features-1.0', target: { url: server.base } });
    }, kind.startTimeoutMs + 120_000);
    afterAll(() => server?.stop());

    it('is not conformant, with a valid report of a complete run', () => {
      expect(validateReport(report)).toEqual([]);
      expect(report).toMatchObject({ verdict: 'notConformant', exitCode: 1, complete: true });
    });

    it('gives the recorded outcome for every result, passed where none is recorded', () => {
      const seen = report.results.map((result) => [result.id, result.outcome]);
      expect(seen).toEqual(report.results.map((result) => [result.id, expected[result.id]?.outcome ?? 'passed']));
      expect(Object.keys(expected).filter((id) => !report.results.some((result) => result.id === id))).toEqual([]);
    });

    it('shows each failure and undecided result by the requirements its findings decide, with the exchange', () => {
      for (const result of report.results.filter((candidate) => candidate.outcome === 'failed' || candidate.outcome === 'cantTell')) {
        const rules = [...new Set(result.findings.map((finding) => finding.rule))].sort();
        expect([result.id, rules]).toEqual([result.id, [...(expected[result.id]?.rules ?? [])].sort()]);
        for (const finding of result.findings) expect(report.exchanges.some((exchange) => exchange.id === finding.exchange)).toBe(true);
      }
    });

    it('decides the requirements the server breaks as failed', () => {
      const failed = report.requirements.filter((requirement) => requirement.outcome === 'failed').map((requirement) => requirement.id);
      const broken = Object.values(expected)
        .filter((entry) => entry.outcome === 'failed')
        .flatMap((entry) => entry.rules);
      expect(failed.sort()).toEqual([...new Set(broken)].sort());
    });
  });
}
