/**
 * One severity from finding to every output: a finding of a SHOULD check is a warning in
 * report.json, whatever its kind wrote; the SHOULD requirement it breaks is failed at its
 * level, and the run stays conformant. The OGC reference server without ETags breaks a
 * recommendation (/rec/core/etag) and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/run/run.js';

describe('a broken recommendation', () => {
  it('is a warning in every finding, a failed SHOULD requirement, and no failure of the run', async () => {
    const server = await startOgcServer({ mutant: 'no-etag' });
    try {
      const report = await run({ suite: 'ogcapi-features-1.0', target: { url: server.url }, limits: { ratePerHost: 0 } });
      const failed = report.results.filter((result) => result.outcome === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((result) => result.severity === 'warning')).toBe(true);
      const findings = failed.flatMap((result) => result.findings.filter((finding) => !finding.undecided));
      expect(findings.length).toBeGreaterThan(0);
      expect(new Set(findings.map((finding) => finding.severity))).toEqual(new Set(['warning']));
      const broken = report.requirements.filter((requirement) => requirement.outcome === 'failed');
      expect(broken.map(({ level }) => level)).toEqual(broken.map(() => 'SHOULD'));
      expect(broken.map(({ id }) => id)).toContain('/rec/core/etag');
      expect(report.verdict).toBe('conformant');
    } finally {
      await server.close();
    }
  });
});
