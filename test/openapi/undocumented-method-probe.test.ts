/**
 * The undocumented-method probe behind a gateway that refuses TRACE with 403: konform names the
 * cause (the method is refused before it reaches the API, while GET on the path succeeds)
 * instead of asking for credentials, and the suite can choose another probe method.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemReply } from '../../fixtures/pegel-online/reply.js';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');

let gateway: PegelServer;
let workspace: SuiteWorkspace;
beforeAll(async () => {
  gateway = await startPegelServer({
    mutation: { reply: (reply, request) => (request.method === 'TRACE' ? problemReply(403, 'Method blocked.') : reply) },
  });
  workspace = await suiteWorkspace();
});
afterAll(async () => {
  await gateway.close();
  await workspace.remove();
});

const probeResults = (report: Report) => report.results.filter((result) => result.check === 'undocumented-method');

/** The shipped suite with `options` given to its undocumented-method check. */
async function suiteWithProbeOptions(options: string): Promise<string> {
  await workspace.edit(workspace.suiteFile, (text) =>
    text.replace('        kind: openapi.undocumented-method\n', `        kind: openapi.undocumented-method\n        options: ${options}\n`),
  );
  return workspace.suiteFile;
}

describe('a gateway that answers TRACE with 403', () => {
  it('leaves the probe cantTell, naming the refused method as the cause, not missing credentials', async () => {
    const report = await run({ suite: 'openapi-contract', target: { url: gateway.url, spec: SPEC } });
    const results = probeResults(report);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.outcome).toBe('cantTell');
      expect(result.findings.map((finding) => finding.code)).toEqual(['method-refused']);
      expect(result.findings[0]?.message).toContain('before it reaches the API');
      expect(result.findings[0]?.message).not.toContain('credentials');
    }
    expect(report.exitCode).toBe(3);
  });

  it('is passed by with a probe method the suite chooses', async () => {
    const suite = await suiteWithProbeOptions('{ method: PROPFIND }');
    const report = await run({ suite, target: { url: gateway.url, spec: SPEC } });
    const results = probeResults(report);
    expect(results.map((result) => result.outcome)).toEqual(results.map(() => 'passed'));
    expect(report.exchanges.filter((exchange) => exchange.request.method === 'PROPFIND').length).toBe(results.length);
    expect(report.exitCode).toBe(0);
  });

  it('a probe method that would change state, or is no method, is refused when the suite is loaded', async () => {
    for (const method of ['DELETE', '"NOT A METHOD"']) {
      await workspace.edit(workspace.suiteFile, (text) => text.replace(/        options: .*\n/, ''));
      const suite = await suiteWithProbeOptions(`{ method: ${method} }`);
      await expect(run({ suite, target: { url: gateway.url, spec: SPEC } })).rejects.toMatchObject({ code: ERROR_CODES.CHECK_OPTIONS_INVALID });
    }
  });
});
