/**
 * The crawl as a user steers and reads it: budget flags override the suite's budget, the first
 * lines of summary.md and report.html say what a budget cut off and how to raise it, the
 * sample says how many objects were fetched again, and a server of another OParl version ends
 * the run at its System object with the suite to run instead.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer, type OParlServer } from '../../fixtures/oparl/server.js';
import { startRealWorldServer, type RealWorldServer } from '../../fixtures/oparl-real-world/server.js';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { runCli } from '../helpers/cli.js';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-crawl-flags-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function cliRun(name: string, url: string, ...flags: string[]) {
  const out = join(scratch, name);
  const cli = await runCli(['run', 'oparl-1.1', '--target', url, '--profile', 'without-https', '--rate', '0', '--out', out, ...flags]);
  const text = await readFile(join(out, 'report.json'), 'utf8').catch(() => Promise.reject(new Error(`no report.json; the CLI said: ${cli.stdout}${cli.stderr}`)));
  const report = JSON.parse(text) as Report;
  const summary = await readFile(join(out, 'summary.md'), 'utf8');
  const html = await readFile(join(out, 'report.html'), 'utf8');
  return { cli, report, summary, html };
}

describe('oparl-1.1 with the crawl budget flags', () => {
  let server: OParlServer;
  beforeAll(async () => {
    server = await startOParlServer();
  });
  afterAll(() => server.close());

  it('--max-requests overrides every check’s budget; the reports say first what it cut off', async () => {
    const { cli, report, summary, html } = await cliRun('cut', server.url, '--max-requests', '30', '--lang', 'en');
    expect(validateReport(report)).toEqual([]);
    expect(cli.code).toBe(3);
    const [crawl] = report.crawls ?? [];
    expect(crawl?.budget.maxRequests).toBe(30);
    expect(crawl?.requests).toBe(30);
    const cut = crawl?.cutOff.find((entry) => entry.budget === 'maxRequests');
    expect(cut).toMatchObject({ flag: '--max-requests' });
    expect(cut?.urls).toBeGreaterThan(0);
    // Before the facts table: in the first lines, with the count and the flag.
    const head = summary.split('\n').slice(0, 8).join('\n');
    expect(head).toContain(`The crawl was cut off by its request budget: ${cut?.urls} URLs were not fetched`);
    expect(head).toContain('Raise it with `--max-requests`');
    expect(html.indexOf('The crawl was cut off by its request budget')).toBeLessThan(html.indexOf('</header>'));
    expect(cli.stdout).toContain('The crawl was cut off by its request budget');
  });

  it('judges every object from its list page and fetches a sample of each type again; --sample all fetches every one', async () => {
    const sampled = await cliRun('sampled', server.url, '--sample', '2');
    const all = await cliRun('all', server.url, '--sample', 'all');
    for (const { cli, report } of [sampled, all]) {
      expect(cli.code, cli.stderr).toBe(0);
      expect(report.verdict).toBe('conformant');
      expect(report.counts.untested).toBe(0);
      expect(report.crawls?.[0]?.cutOff).toEqual([]);
    }
    const [few, every] = [sampled.report.crawls?.[0], all.report.crawls?.[0]];
    expect(every?.objects.fetchedAgain).toBe(every?.objects.given);
    expect(few?.objects.given).toBe(every?.objects.given);
    expect(few?.objects.fetchedAgain).toBeLessThan(every?.objects.fetchedAgain ?? 0);
    expect(few?.requests).toBeLessThan(every?.requests ?? 0);
    // Each object is judged once wherever it was fetched: the schema check has the same cases.
    const schemaOutcomes = (report: Report) => report.results.filter((result) => result.check === 'object-schema').map((result) => [result.id, result.outcome]);
    expect(schemaOutcomes(sampled.report)).toEqual(schemaOutcomes(all.report));
  });

  it('refuses a bad flag value with exit 2 and says which', async () => {
    const cli = await runCli(['run', 'oparl-1.1', '--target', server.url, '--sample', 'some']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--sample must be a whole number or "all"');
  });
});

describe('oparl-1.1 against an OParl 1.0 server', () => {
  let server: RealWorldServer;
  beforeAll(async () => {
    server = await startRealWorldServer();
  });
  afterAll(() => server.close());

  it('ends at the System: fails the version, leaves the rest untested, names the suite to run, exit 1', async () => {
    const { cli, report, summary } = await cliRun('other-version', server.url);
    expect(validateReport(report)).toEqual([]);
    expect(cli.code).toBe(1);
    expect(report.verdict).toBe('notConformant');
    expect(report.crawls?.[0]).toMatchObject({ requests: 1, stopped: 'the server speaks OParl 1.0, not 1.1: run the suite oparl-1.0' });
    const failed = report.results.filter((result) => result.outcome === 'failed');
    expect(failed.map((result) => result.id)).toEqual(['system-object/server']);
    expect(report.results.filter((result) => result.outcome !== 'failed').every((result) => result.outcome === 'untested')).toBe(true);
    expect(summary.split('\n').slice(0, 6).join('\n')).toContain('run the suite oparl-1.0');
    expect(cli.stdout).toContain('run the suite oparl-1.0');
  });
});
