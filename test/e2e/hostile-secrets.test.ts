/**
 * The secrets battery: short secrets that occur everywhere in a report's text (`1`, `a`, `true`,
 * `status`, `konform`, …) and the empty string, sent as bearer token, Basic password or API key
 * to a server that echoes them in headers, bodies and Content-Types. Secrets are redacted as
 * values: every output stays valid (report.json against its schema, junit.xml well-formed,
 * summary.md and report.html, journal.jsonl one JSON object a line), keys, tag names, IDs, counts and hosts are
 * untouched, and no echo of a secret is left anywhere.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening } from '../../fixtures/hostile/listen.js';
import type { AuthConfig } from '../../src/http/types.js';
import type { Report } from '../../src/model/report.js';
import { html } from '../../src/report/html/escape.js';
import { mdText } from '../../src/report/markdown-text.js';
import { validateReport } from '../../src/report/validate-report.js';
import { escapeXmlText } from '../../src/report/xml-text.js';
import { run } from '../../src/run/run.js';
import { runCli } from '../helpers/cli.js';
import { findAll, parseXml } from '../report/xml-parse.js';
import { API_KEY_HEADER, API_KEY_QUERY, echoDocument, echoed, startSecretEchoServer } from './secret-echo-server.js';

const SHORT_SECRETS = ['test', 'true', '200', 'x', 'a', '1', 'passed', 'status', 'konform'];
const AS: Record<string, (secret: string) => AuthConfig> = {
  'bearer token': (token) => ({ scheme: 'bearer', token }),
  'Basic password': (password) => ({ scheme: 'basic', username: 'user', password }),
  'API key in a header': (value) => ({ scheme: 'apiKey', in: 'header', name: API_KEY_HEADER, value }),
  'API key in the query': (value) => ({ scheme: 'apiKey', in: 'query', name: API_KEY_QUERY, value }),
};
const SCHEMES = Object.keys(AS);

const scratch = await mkdtemp(join(tmpdir(), 'konform-secrets-'));
const spec = join(scratch, 'openapi.json');
let server: Listening;
let baseline: Report;
let runs = 0;

interface Outputs {
  report: Report;
  json: string;
  junit: string;
  summary: string;
  html: string;
  journal: string;
}

/** The files of the output folder, and the report the run returned (else the one it wrote). */
async function outputsOf(out: string, returned?: Report): Promise<Outputs> {
  const read = (file: string) => readFile(join(out, file), 'utf8');
  const json = await read('report.json');
  const report = returned ?? (JSON.parse(json) as Report);
  return { report, json, junit: await read('junit.xml'), summary: await read('summary.md'), html: await read('report.html'), journal: await read('journal.jsonl') };
}

async function runWith(auth: AuthConfig[]): Promise<Outputs> {
  const out = join(scratch, `run-${++runs}`);
  return outputsOf(out, await run({ suite: 'openapi-contract', profile: 'responses', target: { url: server.url, spec }, auth, out }));
}

beforeAll(async () => {
  await writeFile(spec, JSON.stringify(echoDocument));
  server = await startSecretEchoServer();
  baseline = (await runWith([AS['bearer token']!('kf-long-secret-5c1e9a')])).report;
});
afterAll(async () => {
  await server.close();
  await rm(scratch, { recursive: true, force: true });
});

/** What must not depend on the secret: result IDs and outcomes, counts, requirements, hosts. */
function structure(report: Report) {
  return {
    tool: report.tool,
    target: report.target,
    results: report.results.map((result) => [result.id, result.check, result.outcome, result.findings.map((finding) => finding.code)]),
    counts: report.counts,
    requirements: report.requirements.map((requirement) => [requirement.id, requirement.outcome]),
    exchanges: report.exchanges.map((exchange) => `${exchange.request.method} ${new URL(exchange.request.url).origin}${new URL(exchange.request.url).pathname}`),
  };
}

function expectValidOutputs({ report, json, junit, summary, journal }: Outputs): void {
  const written = JSON.parse(json) as Report;
  expect(validateReport(written)).toEqual([]);
  expect(written).toEqual(JSON.parse(JSON.stringify(report)));
  const suites = parseXml(junit);
  expect(suites.name).toBe('testsuites');
  expect(findAll(suites, 'testcase').map((testcase) => testcase.attributes['name'])).toEqual(
    expect.arrayContaining(report.results.map((result) => expect.stringContaining(result.id))),
  );
  expect(summary).toMatch(/^# konform: nicht konform/);
  const entries = journal.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
  expect(entries.at(-1)).toMatchObject({ type: 'end', complete: true, verdict: report.verdict });
}

/** The outputs that show the echo of `secret`, as each writes it: as is in JSON, escaped in XML, as is or escaped in Markdown. */
function echoIn(outputs: Outputs, secret: string): string[] {
  const echo = echoed(secret);
  const forms = { 'report.json': [echo], 'journal.jsonl': [echo], 'junit.xml': [escapeXmlText(echo)], 'summary.md': [echo, mdText(echo)], 'report.html': [echo, html(echo)] };
  const texts = { 'report.json': outputs.json, 'journal.jsonl': outputs.journal, 'junit.xml': outputs.junit, 'summary.md': outputs.summary, 'report.html': outputs.html };
  return Object.entries(forms).filter(([file, shown]) => shown.some((form) => texts[file as keyof typeof texts].includes(form))).map(([file]) => file);
}

function expectNoEcho(outputs: Outputs, secret: string): void {
  const { report } = outputs;
  expect(echoIn(outputs, secret)).toEqual([]);
  const echo = report.exchanges.find((exchange) => exchange.request.url.includes('/echo'));
  expect(echo?.response?.headers['x-echo']).toBe(echoed('[REDACTED]'));
  expect(echo?.response?.bodyExcerpt).toContain(echoed('[REDACTED]'));
  // The echo reached finding messages and params: the Content-Type and the body's extra key.
  const typed = report.results.find((result) => result.id === 'content-type-documented/getTyped');
  expect(typed?.findings[0]?.message).toContain(echoed('[REDACTED]'));
  expect(typed?.findings[0]?.params).toMatchObject({ contentType: expect.stringContaining(echoed('[REDACTED]')) });
  const body = report.results.find((result) => result.id === 'body-schema/getEcho');
  expect(JSON.stringify(body?.findings)).toContain(echoed('[REDACTED]'));
}

describe('short secrets echoed by the server', () => {
  it('without credentials, the echo (of nothing) shows in every output: what the runs with a secret must not show', async () => {
    expect(echoIn(await runWith([]), '')).toEqual(['report.json', 'journal.jsonl', 'junit.xml', 'summary.md', 'report.html']);
  });

  it('the baseline run finds the echo in headers, body and Content-Type', () => {
    const typed = baseline.results.find((result) => result.id === 'content-type-documented/getTyped');
    expect(typed).toMatchObject({ outcome: 'failed', findings: [{ code: 'content-type-invalid' }] });
    expect(baseline.results.find((result) => result.id === 'body-schema/getEcho')?.outcome).toBe('failed');
  });

  it.each(SHORT_SECRETS.map((secret, index) => [secret, SCHEMES[index % SCHEMES.length]!]))(
    'secret %j as %s: every output valid, nothing but values touched, no echo left',
    async (secret, scheme) => {
      const outputs = await runWith([AS[scheme]!(secret)]);
      expectValidOutputs(outputs);
      expect(structure(outputs.report)).toEqual(structure(baseline));
      expectNoEcho(outputs, secret);
    },
  );

  it.each(['bearer token', 'Basic password'])('the empty secret as %s: every output valid', async (scheme) => {
    const outputs = await runWith([AS[scheme]!('')]);
    expectValidOutputs(outputs);
    expect(structure(outputs.report)).toEqual(structure(baseline));
  });

  it('an empty secret file is refused (exit 2) rather than a run without credentials', async () => {
    const empty = join(scratch, 'empty.secret');
    await writeFile(empty, '\n');
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', spec, '--out', join(scratch, 'empty'), '--auth-bearer-file', empty]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`bearer token: ${empty} is empty`);
  });

  it('through the CLI: no echo on the console either', async () => {
    const out = join(scratch, 'cli');
    const cli = await runCli(['run', 'openapi-contract', '--target', server.url, '--spec', spec, '--profile', 'responses', '--out', out, '--auth-bearer-env', 'KF_TOKEN'], {
      env: { KF_TOKEN: 'status' },
    });
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`FAIL content-type-documented/getTyped — the Content-Type "application/${echoed('[REDACTED]')}"`);
    for (const text of [cli.stdout, cli.stderr]) expect(text).not.toContain(echoed('status'));
    const outputs = await outputsOf(out);
    expectValidOutputs(outputs);
    expectNoEcho(outputs, 'status');
  });
});
