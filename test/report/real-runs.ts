/**
 * Reports of real runs of bundled suites, for the formats rendered from them: XRechnung over
 * KoSIT's validator instances (a file that is not XML, one that is not well-formed, one that
 * is not valid against the UBL schema), the OpenAPI contract suite against the Pegel-Online
 * reference server with a broken copy of its document or a mutant, OParl 1.1 against a mutant
 * of its reference server, and OGC API - Features against a server without ETags (a SHOULD).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { startPegelServer } from '../../fixtures/pegel-online/server.js';
import type { MutantName } from '../../fixtures/pegel-online/mutants.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Report } from '../../src/model/report.js';
import { run } from '../../src/run/run.js';

export const KOSIT_INSTANCES = join(PACKAGE_ROOT, 'fixtures', 'xrechnung', 'instances', 'validator-configuration', 'instances');
export const PEGEL_SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');

export async function xrechnungRun(): Promise<Report> {
  const files = (await readdir(KOSIT_INSTANCES)).filter((name) => name.endsWith('.xml')).sort().map((name) => join(KOSIT_INSTANCES, name));
  return run({ suite: 'xrechnung-3.0', target: { files } });
}

async function withServer<Server extends { url: string; close(): Promise<void> }>(server: Server, judge: (url: string) => Promise<Report>): Promise<Report> {
  try {
    return await judge(server.url);
  } finally {
    await server.close();
  }
}

/** The contract suite against the reference server (or a mutant), with the declared document `spec`. */
export async function openApiRun(spec: string, mutant?: MutantName): Promise<Report> {
  return withServer(await startPegelServer(mutant ? { mutant } : {}), (url) => run({ suite: 'openapi-contract', target: { url, spec } }));
}

/** A copy of the Pegel-Online document in `folder` whose second `type: string` reads `type: strnig`: an invalid document. */
export async function brokenPegelSpec(folder: string): Promise<string> {
  let seen = 0;
  const text = (await readFile(PEGEL_SPEC, 'utf8')).replace(/type: string/g, (match) => (++seen === 2 ? 'type: strnig' : match));
  const file = join(folder, 'broken-openapi.yaml');
  await writeFile(file, text);
  return file;
}

export async function oparlRun(): Promise<Report> {
  return withServer(await startOParlServer({ mutant: 'id-not-url' }), (url) =>
    run({ suite: 'oparl-1.1', profile: 'without-https', target: { url }, limits: { ratePerHost: 0 } }),
  );
}

export async function ogcRun(): Promise<Report> {
  return withServer(await startOgcServer({ mutant: 'no-etag' }), (url) =>
    run({ suite: 'ogcapi-features-1.0', target: { url }, limits: { ratePerHost: 0 } }),
  );
}
