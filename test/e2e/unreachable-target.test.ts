/**
 * Every suite of live endpoints against a server that is not there: the run is inconclusive,
 * and no requirement is passed for lack of a finding. Only what konform decides without the
 * server (the declared OpenAPI document) may pass. A suite that tries more requests than the
 * circuit breaker allows says that the target stopped answering.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../fixtures/closed-port.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { RunOptions } from '../../src/run/options.js';

let url: string;
beforeAll(async () => {
  url = `http://127.0.0.1:${await closedPort()}/`;
});

const runs: Array<[string, (url: string) => RunOptions, string[], boolean]> = [
  ['oparl-1.1', (target) => ({ suite: 'oparl-1.1', profile: 'without-https', target: { url: target } }), [], false],
  ['oparl-1.0', (target) => ({ suite: 'oparl-1.0', profile: 'without-https', target: { url: target } }), [], false],
  ['ogcapi-features-1.0', (target) => ({ suite: 'ogcapi-features-1.0', target: { url: target } }), [], false],
  [
    'openapi-contract',
    (target) => ({ suite: 'openapi-contract', target: { url: target, spec: join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml') } }),
    ['OAS-DOC-VALID', 'OAS-SCHEMA-VALID'],
    true,
  ],
];

describe('a target that does not answer', () => {
  it.each(runs)('%s: inconclusive, and nothing passed that needed the server', async (_suite, options, decidedWithoutServer, stopped) => {
    const report = await run({ ...options(url), limits: { ratePerHost: 0 } });
    expect(report.complete).toBe(true);
    expect(report.stoppedHosts).toEqual(stopped ? [{ host: new URL(url).host, reason: expect.stringMatching(/stopped answering/) }] : undefined);
    expect(report.verdict).toBe('inconclusive');
    expect(report.requirements.filter((requirement) => requirement.outcome === 'passed').map((requirement) => requirement.id)).toEqual(decidedWithoutServer);
    expect(report.requirements.filter((requirement) => requirement.outcome === 'failed')).toEqual([]);
  });
});
