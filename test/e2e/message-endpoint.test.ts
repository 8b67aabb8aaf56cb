/** An HTTP check validates the message an endpoint serves with a message suite (xdomea-3.0). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMessageServer } from '../../fixtures/message-endpoint/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';

const SUITE = join(PACKAGE_ROOT, 'fixtures', 'message-endpoint', 'suites', 'xdomea-endpoint');
const MUTATED = join(PACKAGE_ROOT, 'fixtures', 'xoev', 'mutated');

async function runAgainst(message: string) {
  const server = await startMessageServer(join(MUTATED, message));
  try {
    return await run({ suite: SUITE, target: { url: server.url } });
  } finally {
    await server.close();
  }
}

describe('http.message-body', () => {
  it('passes when the served message is valid under the message suite', async () => {
    const report = await runAgainst('xdomea-0503-valid.xml');
    expect(report.results.map((result) => [result.id, result.outcome])).toEqual([['latest-message', 'passed']]);
    expect(report.exitCode).toBe(0);
  });

  it('fails with the message suite findings, pointing at the exchange the body came from', async () => {
    const report = await runAgainst('xdomea-0503-unknown-code.xml');
    const [result] = report.results;
    expect(result?.outcome).toBe('failed');
    expect(result?.findings.length).toBeGreaterThan(0);
    expect(result?.findings.every((finding) => finding.exchange === result.evidence[0])).toBe(true);
    expect(result?.findings[0]?.location?.file).toMatch(/\/messages\/latest\.xml$/);
    expect(result?.findings[0]?.params?.check).toBe('xdomea-3.0/codelists');
    expect(report.exchanges[0]?.request.url).toMatch(/\/messages\/latest\.xml$/);
  });
});
