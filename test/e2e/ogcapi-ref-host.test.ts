/**
 * ogcapi-features-1.0 against the reference server whose API definition refers to the schemas of
 * features and exceptions on another host (a loopback schema host by the name `localhost`,
 * fixtures/ogcapi/schema-host.ts), as MapServer's refers to raw.githubusercontent.com. Without
 * `--allow-ref-host` nothing is sent there and /req/oas30/oas-definition-2 is cantTell, the
 * finding naming the flag; with it the documents are fetched through konform's HTTP client (named
 * with their sha256 in report.json, summary.md and report.html) and the definition is judged:
 * passed as it stands, failed where a remote schema is broken, and cantTell, never passed, where
 * the schema host answers badly.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referringTo, startSchemaHost, BUILDING_BLOCKS_PATH, type SchemaAnswer, type SchemaHost } from '../../fixtures/ogcapi/schema-host.js';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { loadStandard } from '../../src/core/load-standard.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Json } from '../../fixtures/ogcapi/documents.js';
import type { Report } from '../../src/model/report.js';
import type { HttpLimits } from '../../src/http/types.js';
import { validateReport } from '../../src/report/validate-report.js';
import { run } from '../../src/run/run.js';
import { runCli, type CliRun } from '../helpers/cli.js';

const SUITE = 'ogcapi-features-1.0';
const RULE = '/req/oas30/oas-definition-2';
const scratch = await mkdtemp(join(tmpdir(), 'konform-ogcapi-ref-host-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const outcomeOf = (report: Report, id: string) => report.requirements.find((requirement) => requirement.id === id)?.outcome;
const documentCheck = (report: Report) => report.results.find((result) => result.id === 'openapi-document');

/** A run of the library against the reference server referring to a schema host with `answers`. */
async function runReferring(
  options: { answers?: Record<string, SchemaAnswer>; extra?: (host: SchemaHost) => Record<string, Json>; allow: boolean; limits?: Partial<HttpLimits> },
): Promise<{ report: Report; host: SchemaHost }> {
  const host = await startSchemaHost(options.answers);
  const server = await startOgcServer({ mutation: referringTo(host, options.extra?.(host)) });
  try {
    const target = { url: server.url, ...(options.allow ? { refHosts: [host.host] } : {}) };
    const report = await run({ suite: SUITE, target, limits: { ratePerHost: 0, ...options.limits } });
    return { report, host };
  } finally {
    await Promise.all([server.close(), host.close()]);
  }
}

describe('ogcapi-features-1.0 with the API definition referring to another host, without --allow-ref-host', () => {
  let result: { report: Report; host: SchemaHost };
  beforeAll(async () => {
    result = await runReferring({ allow: false });
  });

  it('sends nothing to that host and cannot tell oas-definition-2, each reference named with the flag that would fetch it', () => {
    const { report, host } = result;
    expect(host.requested).toEqual([]);
    expect(outcomeOf(report, RULE)).toBe('cantTell');
    const findings = documentCheck(report)?.findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({ code: 'reference-not-followed', rule: RULE, undecided: true, params: { flag: `--allow-ref-host ${host.host}` } });
      expect(finding.message).toContain(`--allow-ref-host ${host.host}`);
    }
    expect(report.target.fetchedDocuments).toBeUndefined();
    expect(report.target.allowedHosts).not.toContain(host.host);
  });
});

describe('ogcapi-features-1.0 with the API definition referring to another host, with --allow-ref-host', () => {
  const out = join(scratch, 'allowed');
  let host: SchemaHost;
  let cli: CliRun;
  let report: Report;
  beforeAll(async () => {
    host = await startSchemaHost();
    const server = await startOgcServer({ mutation: referringTo(host) });
    try {
      cli = await runCli(['run', SUITE, '--target', server.url, '--rate', '0', '--allow-ref-host', host.host, '--record', '--out', out]);
    } finally {
      await Promise.all([server.close(), host.close()]);
    }
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
  });

  it('fetches the referenced schemas and those they refer to, each once, and passes the definition: the run is conformant', () => {
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(validateReport(report)).toEqual([]);
    expect(outcomeOf(report, RULE)).toBe('passed');
    expect(outcomeOf(report, '/req/oas30/oas-impl')).toBe('passed');
    expect(host.requested).toEqual(expect.arrayContaining(['featureCollectionGeoJSON', 'featureGeoJSON', 'geometryGeoJSON', 'link', 'exception'].map((name) => `${BUILDING_BLOCKS_PATH}schemas/${name}.yaml`)));
    expect(new Set(host.requested).size).toBe(host.requested.length);
  });

  it('names every document fetched with its sha256 in report.json, the same bytes as konform pinned; summary.md and report.html show them', async () => {
    const standard = await loadStandard(join(PACKAGE_ROOT, 'standards', 'ogcapi-features', '1.0'));
    const pinned = new Map(standard.artifacts.map((artifact) => [artifact.path, artifact.sha256]));
    const fetched = report.target.fetchedDocuments ?? [];
    expect(fetched.map((document) => new URL(document.url).pathname).sort()).toEqual([...host.requested].sort());
    for (const document of fetched) {
      expect(document.sha256).toBe(pinned.get(`openapi/${new URL(document.url).pathname.slice(BUILDING_BLOCKS_PATH.length)}`));
      expect(document.bytes).toBeGreaterThan(0);
    }
    const [first] = fetched;
    const summary = await readFile(join(out, 'summary.md'), 'utf8');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    for (const text of [summary, html]) {
      expect(text).toContain(first?.url);
      expect(text).toContain(first?.sha256);
    }
  });

  it('is judged the same in a replay of its recording, the documents answered from it', async () => {
    const replayed = join(scratch, 'replayed');
    const replay = await runCli(['replay', out, '--out', replayed]);
    expect(replay.code).toBe(0);
    const again = JSON.parse(await readFile(join(replayed, 'report.json'), 'utf8')) as Report;
    expect(outcomeOf(again, RULE)).toBe('passed');
    expect(again.target.fetchedDocuments).toEqual(report.target.fetchedDocuments);
  });
});

describe('ogcapi-features-1.0 with a remote schema the API definition refers to broken', () => {
  it('fails oas-definition-2: the definition is not valid with it, the finding naming the fetched document where the problem shows', async () => {
    const broken = { status: 200, body: 'type: object\nrequired: geometry\n' };
    const { report, host } = await runReferring({ allow: true, answers: { [`${BUILDING_BLOCKS_PATH}schemas/featureGeoJSON.yaml`]: broken } });
    expect(outcomeOf(report, RULE)).toBe('failed');
    // The validator meets the broken schema where it is used: at the reference to it in featureCollectionGeoJSON.yaml.
    const document = host.urlOf('schemas/featureCollectionGeoJSON.yaml');
    expect(documentCheck(report)?.findings).toEqual([
      expect.objectContaining({ code: 'openapi-invalid', rule: RULE, params: { url: document, document }, location: expect.objectContaining({ bodyPointer: '/properties/features/items' }) }),
    ]);
  });
});

describe('ogcapi-features-1.0 with a schema host that answers badly', () => {
  const MAX_BYTES = 1_000_000;
  const bad = {
    missing: { status: 404, body: 'not here' },
    invalid: { status: 200, body: 'type: [object\n' },
    large: { status: 200, body: Buffer.alloc(2 * MAX_BYTES, 'a') },
    silent: 'hang',
  } satisfies Record<string, SchemaAnswer>;
  let result: { report: Report; host: SchemaHost };
  beforeAll(async () => {
    result = await runReferring({
      allow: true,
      answers: Object.fromEntries(Object.entries(bad).map(([name, answer]) => [`/bad/${name}.yaml`, answer])),
      extra: (host) => Object.fromEntries(Object.keys(bad).map((name) => [name, { $ref: `${host.origin}/bad/${name}.yaml` }])),
      limits: { maxResponseBytes: MAX_BYTES, timeoutMs: 5000 },
    });
  });

  it('cannot tell oas-definition-2, never passes it, and says for each reference why', () => {
    const { report, host } = result;
    expect(validateReport(report)).toEqual([]);
    expect(outcomeOf(report, RULE)).toBe('cantTell');
    const findings = documentCheck(report)?.findings ?? [];
    const about = (name: string) => findings.find((finding) => finding.message.includes(`${host.origin}/bad/${name}.yaml`));
    expect(about('missing')).toMatchObject({ code: 'reference-unreadable', undecided: true });
    expect(about('missing')?.message).toContain('answered 404');
    expect(about('invalid')).toMatchObject({ code: 'reference-unreadable', undecided: true });
    expect(about('invalid')?.message).toContain('cannot be read: not valid YAML or JSON');
    expect(about('large')).toMatchObject({ code: 'transport-failure', undecided: true, params: expect.objectContaining({ reason: 'tooLarge' }) });
    expect(about('silent')).toMatchObject({ code: 'transport-failure', undecided: true, params: expect.objectContaining({ reason: 'timeout' }) });
    for (const name of ['large', 'silent']) expect(about(name)?.message).toContain(`the reference ${host.origin}/bad/${name}.yaml`);
    for (const finding of findings) expect(finding.exchange).toBeDefined();
  });

  it('names the documents that answered 200 with a body, read or not, and no other', () => {
    const names = (result.report.target.fetchedDocuments ?? []).map((document) => new URL(document.url).pathname);
    expect(names).toContain('/bad/invalid.yaml');
    for (const name of ['missing', 'large', 'silent']) expect(names).not.toContain(`/bad/${name}.yaml`);
  });
});
