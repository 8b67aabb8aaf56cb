/**
 * The hostile battery at the command line: credentials in the target URL, an output folder
 * holding an earlier run, an output folder that cannot be made, exchange IDs compared across
 * the outputs, and misspelt names. Each is refused or handled with a clear message, and a run
 * killed after it started never leaves an earlier run's report behind.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CREDENTIALS as C } from '../../fixtures/auth/credentials.js';
import { startAuthServer } from '../../fixtures/auth/server.js';
import { listenOnLoopback, type Listening } from '../../fixtures/hostile/listen.js';
import { startPegelServer, type PegelServer } from '../../fixtures/pegel-online/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import type { Report } from '../../src/model/report.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { readJournal } from '../../src/report/journal.js';
import { run } from '../../src/run/run.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const PASSWORD = 'kf-url-pw-41c7';
const scratch = await mkdtemp(join(tmpdir(), 'konform-hostile-cli-'));
let pegel: PegelServer;
beforeAll(async () => {
  pegel = await startPegelServer();
});
afterAll(async () => {
  await pegel.close();
  await rm(scratch, { recursive: true, force: true });
});

const pegelRun = (out: string, ...flags: string[]) => ['run', 'openapi-contract', '--target', pegel.url, '--spec', SPEC, '--out', out, ...flags];

type Entry = { type: string; exchange?: { id: string }; result?: Report['results'][number] };
const journalOf = async (out: string): Promise<Entry[]> =>
  existsSync(join(out, 'journal.jsonl')) ? ((await readJournal(join(out, 'journal.jsonl'))) as Entry[]) : [];

/** A server that counts the requests it gets. */
async function countingServer(): Promise<Listening & { requests: () => number }> {
  let requests = 0;
  const listening = await listenOnLoopback(createServer((_request, response) => (requests += 1, response.end('{}'))));
  return { ...listening, requests: () => requests };
}

describe('credentials in the target URL', () => {
  it('are refused (exit 2) with the --auth-basic-* flags named, nothing is sent, and the password is shown nowhere', async () => {
    const server = await countingServer();
    try {
      const out = join(scratch, 'userinfo');
      const target = server.url.replace('http://', `http://user:${PASSWORD}@`);
      const cli = await runCli(['run', 'openapi-contract', '--target', target, '--spec', SPEC, '--out', out]);
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain('KONFORM_ERR_TARGET_INVALID');
      expect(cli.stderr).toContain('--auth-basic-user');
      expect(`${cli.stdout}${cli.stderr}`).not.toContain(PASSWORD);
      expect(server.requests()).toBe(0);
      expect(existsSync(out)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('are not shown when the URL cannot even be parsed', async () => {
    const cli = await runCli(['run', 'openapi-contract', '--target', `http://user:${PASSWORD}@exa mple/`, '--spec', SPEC]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('is not an absolute URL');
    expect(cli.stderr).not.toContain(PASSWORD);
  });

  it('are refused by the library as well', async () => {
    const attempt = run({ suite: 'openapi-contract', target: { url: `http://u:${PASSWORD}@127.0.0.1:1/`, spec: SPEC } });
    await expect(attempt).rejects.toMatchObject({ code: ERROR_CODES.TARGET_INVALID, message: expect.not.stringContaining(PASSWORD) });
  });
});

describe('an output folder holding an earlier run', () => {
  const out = join(scratch, 'owned');

  it('is refused without --force, leaving the earlier run untouched', async () => {
    expect((await runCli(pegelRun(out))).code).toBe(0);
    await writeFile(join(out, 'notes.txt'), 'mine');
    const earlier = await readFile(join(out, 'report.json'), 'utf8');
    const again = await runCli(pegelRun(out));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(out);
    expect(again.stderr).toContain('--force');
    expect(await readFile(join(out, 'report.json'), 'utf8')).toBe(earlier);
  });

  it('is cleared of konform files only by --force, so that a run killed afterwards leaves no earlier report', async () => {
    let pid = 0;
    const finished = runCli(pegelRun(out, '--force', '--rate', '2', '--concurrency', '2'), { onStart: (started) => (pid = started) });
    // Killed once this run has journalled two results (the earlier run's journal is there until the run begins).
    const started = async () => !existsSync(join(out, 'report.json')) && (await journalOf(out)).filter((entry) => entry.type === 'result').length >= 2;
    while (!(await started())) await sleep(50);
    process.kill(pid, 'SIGKILL');
    expect((await finished).signal).toBe('SIGKILL');
    expect((await readdir(out)).sort()).toEqual(['journal.jsonl', 'notes.txt']);
    expect((await journalOf(out)).filter((entry) => entry.type === 'start')).toHaveLength(1);
    expect(await readFile(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('gets a journal of the new run alone', async () => {
    expect((await runCli(pegelRun(out, '--force'))).code).toBe(0);
    const journal = await journalOf(out);
    expect(journal.map((entry) => entry.type).filter((type) => type === 'start' || type === 'end')).toEqual(['start', 'end']);
  });

  it('may hold other files: a folder without konform files is taken as it is', async () => {
    const other = join(scratch, 'other-files');
    await mkdir(other);
    await writeFile(join(other, 'README'), 'mine');
    expect((await runCli(pegelRun(other))).code).toBe(0);
    expect((await readdir(other)).sort()).toEqual(['README', 'journal.jsonl', ...Object.values(REPORT_FORMATS).map((format) => format.file)].sort());
  });
});

describe('an output folder that cannot be made', () => {
  it('--out /proc/x is a clear error (exit 2), not a hang', async () => {
    let pid = 0;
    const finished = runCli(['validate', 'xdomea-3.0', 'fixtures/xoev/mutated/xdomea-0503-valid.xml', '--out', '/proc/konform-x'], {
      onStart: (started) => (pid = started),
    });
    // A guard, not a measurement: a hanging run is killed so that the test fails instead of hanging.
    const guard = setTimeout(() => process.kill(pid, 'SIGKILL'), 60_000);
    const cli: CliRun = await finished.finally(() => clearTimeout(guard));
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('KONFORM_ERR_OUTPUT_UNWRITABLE');
    expect(cli.stderr).toContain('/proc/konform-x');
  }, 90_000);
});

describe('exchange IDs', () => {
  it('are the same in journal.jsonl and report.json', async () => {
    const out = join(scratch, 'ids');
    expect((await runCli(pegelRun(out))).code).toBe(0);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const journal = await journalOf(out);
    const journalled = journal.flatMap((entry) => (entry.exchange ? [entry.exchange.id] : []));
    expect(report.exchanges.map((exchange) => exchange.id).sort()).toEqual([...journalled].sort());
    const citedInJournal = journal.flatMap((entry) => entry.result?.evidence ?? []);
    expect(report.results.flatMap((result) => result.evidence).sort()).toEqual(citedInJournal.sort());
  });

  it('are the same in finding messages and the report', async () => {
    const auth = await startAuthServer();
    try {
      const report = await run({
        suite: 'openapi-contract',
        profile: 'responses',
        target: { url: auth.url, spec: join(PACKAGE_ROOT, 'fixtures', 'auth', 'openapi.yaml') },
        auth: [{ scheme: 'oauth2', tokenUrl: `${auth.url}/oauth/token`, clientId: C.clientId, clientSecret: 'kf-wrong-secret', scopes: [] }],
        out: join(scratch, 'ids-in-messages'),
      });
      const named = report.results.flatMap((result) => result.findings).map((finding) => /\(exchange ([^)]+)\)/.exec(finding.message)?.[1]);
      const ids = named.filter((id): id is string => id !== undefined);
      expect(ids.length).toBeGreaterThan(0);
      const known = new Set(report.exchanges.map((exchange) => exchange.id));
      for (const id of ids) expect(known).toContain(id);
    } finally {
      await auth.close();
    }
  });
});

describe('misspelt names', () => {
  it('a mistyped suite gets a "did you mean"', async () => {
    const cli = await runCli(['run', 'openapi-contrat', '--target', 'http://127.0.0.1:1', '--spec', SPEC]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('did you mean "openapi-contract"');
    const validate = await runCli(['validate', 'xdomea3.0', 'no-such-file.xml']);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('did you mean "xdomea-3.0"');
  });

  it('an unknown run option, target option or limit is named, with the close one', async () => {
    const base = { suite: 'openapi-contract', target: { url: 'http://127.0.0.1:1', spec: SPEC } };
    await expect(run({ ...base, outDir: join(scratch, 'x') } as never)).rejects.toMatchObject({ code: ERROR_CODES.USAGE, message: expect.stringContaining('"outDir"') });
    await expect(run({ ...base, target: { ...base.target, allowHosts: [] } } as never)).rejects.toMatchObject({
      message: expect.stringContaining('"allowHosts" (did you mean "allowedHosts"?)'),
    });
    await expect(run({ ...base, limits: { timeout: 5 } } as never)).rejects.toMatchObject({ message: expect.stringContaining('"timeout" (did you mean "timeoutMs"?)') });
  });
});
