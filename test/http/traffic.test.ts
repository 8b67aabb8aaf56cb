/**
 * The traffic of a run in its reports: report.json's `traffic` names each host contacted with
 * its requests, effective and configured rate, and what a host that asked konform to slow down
 * cost; summary.md and report.html show a line per host. Runs of the OpenAPI contract suite
 * against the Pegel-Online reference server, which a mutation makes answer 429.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../fixtures/pegel-online/mutation.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { RETRIES } from '../../src/http/retry-after.js';
import type { HttpLimits } from '../../src/http/types.js';
import type { Report } from '../../src/model/report.js';
import { htmlChunks } from '../../src/report/html/html.js';
import { summaryChunks } from '../../src/report/markdown.js';
import { validateReport } from '../../src/report/validate-report.js';
import { run } from '../../src/run/run.js';
import { runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/sample-report.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const scratch = await mkdtemp(join(tmpdir(), 'konform-traffic-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

let runs = 0;
/** A run against the reference server under `mutation`, its reports written; report.json as read back. */
async function runAgainst(mutation: Mutation, limits: Partial<HttpLimits> = {}): Promise<{ report: Report; out: string; host: string }> {
  const server = await startPegelServer({ mutation });
  const out = join(scratch, `run-${(runs += 1)}`);
  try {
    await run({ suite: 'openapi-contract', target: { url: server.url, spec: SPEC }, limits, out, lang: 'en' });
  } finally {
    await server.close();
  }
  const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  expect(validateReport(report)).toEqual([]);
  return { report, out, host: new URL(server.url).host };
}

/** Answers the first request 429 with `Retry-After: 0`, every other as the reference does. */
function throttlingFirst(): Mutation {
  let seen = 0;
  return { reply: (reply) => ((seen += 1) === 1 ? { status: 429, headers: { 'retry-after': '0' }, body: { kind: 'bytes', value: Buffer.alloc(0) } } : reply) };
}

describe('traffic in the reports', () => {
  it('gives the effective rate of a run, below the configured one, in report.json, summary.md and report.html', async () => {
    const { report, out, host } = await runAgainst({}, { ratePerHost: 200 });
    expect(report.verdict).toBe('conformant');
    const [traffic, ...others] = report.traffic?.hosts ?? [];
    expect(others).toEqual([]);
    expect(traffic).toMatchObject({ host, configuredRate: 200, throttled: 0, backoffs: 0, waitedMs: 0 });
    expect(traffic?.requests).toBe(report.exchanges.length);
    expect(traffic?.durationMs).toBeLessThanOrEqual(report.durationMs);
    // Requests start at least 5 ms apart: at most 200 a second (up to its rounding).
    expect(traffic?.effectiveRate).toBeGreaterThan(0);
    expect(traffic?.effectiveRate).toBeLessThanOrEqual(200.01);
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    expect(summary).toMatch(new RegExp(`^\\| Requests \\| \`${host}\`: \\d+ requests in [\\d.]+ s, [\\d.]+ per second \\(limit 200 per second\\) \\|$`, 'm'));
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<dt>Requests</dt><dd><code>${host}</code>: \\d+ requests in [\\d.]+ s, [\\d.]+ per second \\(limit 200 per second\\)</dd>`));
  });

  it('waits as a 429 asks, and the run passes: throttled once, one backoff, the rate lowered', async () => {
    const { report } = await runAgainst(throttlingFirst(), { ratePerHost: 200 });
    expect(report.verdict).toBe('conformant');
    expect(report.traffic?.hosts).toEqual([expect.objectContaining({ throttled: 1, backoffs: 1, configuredRate: 200, lowestRate: 100 })]);
    expect(report.exchanges.filter((exchange) => exchange.response?.status === 429)).toHaveLength(1);
  });

  it('leaves an operation that answers 429 to every request unpassed, its findings on the 429, after bounded retries', async () => {
    const mutation: Mutation = { reply: (reply, request) => (request.operationId === 'getWaters' ? { status: 429, headers: {}, body: { kind: 'bytes', value: Buffer.alloc(0) } } : reply) };
    const { report } = await runAgainst(mutation, { ratePerHost: 0, backoffMs: 10 });
    const ofWaters = report.results.filter((result) => result.subject?.id.includes('getWaters'));
    expect(ofWaters.length).toBeGreaterThan(0);
    expect(ofWaters.filter((result) => result.outcome === 'passed')).toEqual([]);
    expect(ofWaters.flatMap((result) => result.findings).some((finding) => finding.message.includes('answered 429'))).toBe(true);
    const throttled = report.exchanges.filter((exchange) => exchange.response?.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    const [traffic] = report.traffic?.hosts ?? [];
    expect(traffic?.throttled).toBe(throttled.length);
    // Every request to it was asked RETRIES times more, each after 10 ms and then 20 ms.
    expect(traffic?.backoffs).toBe((throttled.length / (1 + RETRIES)) * RETRIES);
    expect(traffic?.waitedMs).toBe((throttled.length / (1 + RETRIES)) * 30);
    expect(traffic).not.toHaveProperty('lowestRate');
  });

  it('names the effective rate in the closing lines of konform run', async () => {
    const server = await startPegelServer();
    const out = join(scratch, 'cli');
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', SPEC, '--rate', '200', '--out', out]).finally(() => server.close());
    expect(cli.code, cli.stderr).toBe(0);
    const { traffic } = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const [{ host, requests, effectiveRate } = { host: '', requests: 0 }] = traffic?.hosts ?? [];
    expect(cli.stdout).toContain(`\nrequests: ${requests} to ${host} at ${effectiveRate}/s (limit 200/s)\n`);
  });

  it('says in summary.md and report.html, in English and German, how often a host asked to slow down', () => {
    const report: Report = {
      ...sampleReport(),
      traffic: {
        hosts: [{ host: 'api.example.org', requests: 1234, durationMs: 61_500, effectiveRate: 20.06, configuredRate: 50, lowestRate: 12.5, throttled: 3, backoffs: 2, waitedMs: 3000 }],
      },
    };
    const summary = (lang: 'de' | 'en') => [...summaryChunks(report, { lang })].join('');
    const html = (lang: 'de' | 'en') => [...htmlChunks(report, { lang })].join('');
    expect(summary('en')).toContain(
      '| Requests | `api.example.org`: 1,234 requests in 61.5 s, 20.06 per second (limit 50 per second); 3 answers 429 or 503 (slow down), 2 requests asked again after 3 s of waiting in all, rate lowered to 12.5 per second |',
    );
    expect(summary('de')).toContain(
      '| Anfragen | `api.example.org`: 1.234 Anfragen in 61,5 s, 20,06 je Sekunde (Grenze 50 je Sekunde); 3 Antworten 429 oder 503 (langsamer), 2 Anfragen nach insgesamt 3 s Wartezeit erneut gestellt, Rate gesenkt auf 12,5 je Sekunde |',
    );
    expect(html('en')).toContain('<dt>Requests</dt><dd><code>api.example.org</code>: 1,234 requests in 61.5 s, 20.06 per second (limit 50 per second); 3 answers 429');
    expect(html('de')).toContain('<dt>Anfragen</dt><dd><code>api.example.org</code>: 1.234 Anfragen in 61,5 s');
    expect(summary('en')).not.toContain('| Requests |'.repeat(2));
    const { traffic: _traffic, ...without } = report;
    expect([...summaryChunks(without, { lang: 'en' })].join('')).not.toContain('| Requests |');
  });
});
