/**
 * A whole run of the built CLI against the hostile server: every misbehaviour ends as the
 * right outcome with its evidence, the run completes, every report file is written, the 1 GiB
 * body is cut at the size limit and the process stays under 200 MB.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_BYTES } from '../../fixtures/hostile/routes.js';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { HttpFailureReason } from '../../src/model/exchange.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { findAll, parseXml } from '../report/xml-parse.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'hostile', 'openapi.yaml');
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
// The responses profile: the hostile server answers any method, so the refusal checks would only add noise.
const RUN_FLAGS = ['--spec', SPEC, '--profile', 'responses', '--timeout', '2000', '--max-response-bytes', String(MAX_RESPONSE_BYTES)];

/** Operation of fixtures/hostile/openapi.yaml → the reason konform got no answer to check. */
const CANT_TELL: Record<string, HttpFailureReason> = {
  getSlowHeaders: 'timeout',
  getRedirectForeign: 'hostNotAllowed',
  getRedirectLoop: 'tooManyRedirects',
  getReset: 'connectionReset',
  getMalformed: 'protocol',
};

/**
 * Operation → the reason the body of its answer broke off after a 200 with `text/plain`: the
 * status and headers are judged (text/plain is not documented), the body is not.
 */
const BROKEN_OFF: Record<string, HttpFailureReason> = {
  getHuge: 'tooLarge',
  getSlowBody: 'timeout',
  getResetBody: 'connectionReset',
};

const scratch = await mkdtemp(join(tmpdir(), 'konform-hostile-'));
const out = join(scratch, 'cli');
let server: HostileServer;
let cli: CliRun;
let report: Report;
beforeAll(async () => {
  server = await startHostileServer();
  cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--out', out, ...RUN_FLAGS]);
  report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

const resultsOf = (operation: string) => report.results.filter((result) => result.subject?.id === operation);
const exchange = (id: string | undefined) => report.exchanges.find((candidate) => candidate.id === id);

describe('openapi-contract against the hostile server, through the CLI', () => {
  it('completes, and is not conformant: a failed check outweighs the cantTell ones (exit 1, not 3)', () => {
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('verdict: notConformant');
    expect(report).toMatchObject({ complete: true, verdict: 'notConformant', exitCode: 1 });
    expect(report.results.filter((result) => result.outcome === 'failed').map((result) => result.id)).toEqual([
      'content-type-documented/getHuge',
      'content-type-documented/getSlowBody',
      'content-type-documented/getResetBody',
      'body-schema/getBadJson',
    ]);
    expect(report.counts.untested).toBe(0);
  });

  it.each(Object.entries(CANT_TELL))('%s ends as cantTell (%s) with the failed exchange as evidence', (operation, reason) => {
    const results = resultsOf(operation);
    expect(results.map((result) => result.check)).toEqual(['status-documented', 'content-type-documented', 'body-schema', 'required-headers', 'no-server-error']);
    for (const result of results) {
      expect(result.outcome).toBe('cantTell');
      expect(result.findings).toEqual([expect.objectContaining({ code: 'transport-failure', params: expect.objectContaining({ reason }) })]);
      expect(result.evidence).toEqual([result.findings[0]?.exchange]);
      expect(exchange(result.evidence[0])?.error?.reason).toBe(reason);
    }
  });

  it.each(Object.entries(BROKEN_OFF))('%s: the status and headers are judged, the body is cantTell (%s)', (operation, reason) => {
    const outcomes = Object.fromEntries(resultsOf(operation).map((result) => [result.check, result.outcome]));
    expect(outcomes).toEqual({
      'status-documented': 'passed',
      'content-type-documented': 'failed',
      'body-schema': 'cantTell',
      'required-headers': 'inapplicable',
      'no-server-error': 'passed',
    });
    const body = resultsOf(operation).find((result) => result.check === 'body-schema');
    expect(body?.findings).toEqual([expect.objectContaining({ code: 'transport-failure', params: expect.objectContaining({ reason }) })]);
    expect(exchange(body?.evidence[0])?.error?.reason).toBe(reason);
  });

  it('reads the 1 GiB body only up to the size limit', () => {
    const [huge] = resultsOf('getHuge');
    expect(exchange(huge?.evidence[0])?.response).toMatchObject({ status: 200, bodyBytes: MAX_RESPONSE_BYTES, truncated: true });
    expect(server.hugeBytesSent).toBeGreaterThanOrEqual(MAX_RESPONSE_BYTES);
    expect(server.hugeBytesSent).toBeLessThan(HUGE_BYTES / 16);
  });

  it('follows no redirect off the target: the foreign host is named in the evidence, never contacted', () => {
    const [foreign] = resultsOf('getRedirectForeign');
    expect(exchange(foreign?.evidence[0])?.redirects).toEqual([{ status: 302, location: 'http://evil.example.invalid/collect' }]);
    expect(foreign?.findings[0]?.params).toMatchObject({ url: 'http://evil.example.invalid/collect' });
    for (const recorded of report.exchanges) expect(new URL(recorded.request.url).origin).toBe(server.url);
    expect(server.requests.filter((request) => request.url === '/redirect-foreign')).toHaveLength(1);
    const [loop] = resultsOf('getRedirectLoop');
    expect(exchange(loop?.evidence[0])?.redirects).toHaveLength(6);
  });

  it('fails the body schema of /bad-json with a parse-error finding, and passes /ok', () => {
    const badJson = resultsOf('getBadJson').find((result) => result.check === 'body-schema');
    expect(badJson?.findings).toEqual([expect.objectContaining({ code: 'body-not-json', params: expect.objectContaining({ line: 1, column: 17 }) })]);
    expect(exchange(badJson?.findings[0]?.exchange)?.response).toMatchObject({ status: 200, bodyExcerpt: '{"items": [1, 2,' });
    expect(resultsOf('getOk').every((result) => result.outcome === 'passed' || result.outcome === 'inapplicable')).toBe(true);
  });

  it('writes a valid report.json, junit.xml, summary.md and a journal that reaches its end', async () => {
    expect(validateReport(report)).toEqual([]);
    const junit = parseXml(await readFile(join(out, 'junit.xml'), 'utf8'));
    expect(findAll(junit, 'failure')).toHaveLength(4);
    expect(findAll(junit, 'error')).toHaveLength(report.counts.cantTell);
    expect(await readFile(join(out, 'summary.md'), 'utf8')).toMatch(/^# konform: nicht konform/);
    const journal = (await readFile(join(out, 'journal.jsonl'), 'utf8')).trim().split('\n');
    expect(JSON.parse(journal.at(-1) ?? '{}')).toEqual({ type: 'end', complete: true, verdict: 'notConformant', exitCode: 1 });
  });

  it('stays under 200 MB of resident memory, measured in a process of its own', async () => {
    const measured = await peakRssOfLibraryRun(server.url, join(scratch, 'library'));
    expect(measured.complete).toBe(true);
    expect(measured.maxRssKiB * 1024).toBeLessThan(200 * 1000 * 1000);
  });
});

/** Runs `run()` from the built library in a fresh node process, which reports its peak RSS (KiB). */
async function peakRssOfLibraryRun(target: string, outDir: string): Promise<{ maxRssKiB: number; complete: boolean }> {
  const script = `
    const { run } = await import(process.env.KONFORM_INDEX);
    const report = await run({
      suite: 'openapi-contract', profile: 'responses', out: process.env.KONFORM_OUT,
      target: { url: process.env.KONFORM_TARGET, spec: process.env.KONFORM_SPEC },
      limits: { timeoutMs: 2000, maxResponseBytes: ${MAX_RESPONSE_BYTES} },
    });
    process.stdout.write(JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS, complete: report.complete }));
  `;
  const env = {
    ...process.env,
    KONFORM_INDEX: pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', 'index.js')).href,
    KONFORM_TARGET: target,
    KONFORM_SPEC: SPEC,
    KONFORM_OUT: outDir,
  };
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return JSON.parse(stdout) as { maxRssKiB: number; complete: boolean };
}
