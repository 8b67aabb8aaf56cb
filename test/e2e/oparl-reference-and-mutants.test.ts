/**
 * The oparl-1.1 suite's self-test: the OParl 1.1 reference server (fixtures/oparl) is
 * conformant, and each of its mutants, breaking exactly one rule, fails exactly the check it
 * names. Served over plain HTTP on 127.0.0.1 it is no production deployment: the profile
 * `without-https` leaves those checks out, and `full` fails exactly them; served over HTTPS
 * under a host name it passes `full` too.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/oparl/mutants.js';
import { startOParlServer, type OParlServerOptions } from '../../fixtures/oparl/server.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { conformantCliRun } from '../helpers/conformant-run.js';

const CA = join(PACKAGE_ROOT, 'fixtures', 'auth', 'certs', 'ca.crt');
const scratch = await mkdtemp(join(tmpdir(), 'konform-oparl-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function runAgainst(server: OParlServerOptions, profile = 'without-https'): Promise<Report> {
  const started = await startOParlServer(server);
  try {
    const tls = server.tls ? { tls: { ca: await readFile(CA, 'utf8') } } : {};
    return await run({ suite: 'oparl-1.1', profile, target: { url: started.url }, limits: { ratePerHost: 0 }, ...tls });
  } finally {
    await started.close();
  }
}

const failedChecks = (report: Report) => [...new Set(report.results.filter((r) => r.outcome === 'failed').map((r) => r.check))].sort();
const undecided = (report: Report) => report.results.filter((r) => r.outcome === 'cantTell' || r.outcome === 'untested').map((r) => r.id);

describe('oparl-1.1 against the OParl reference server', () => {
  it('is conformant without the production checks, through the CLI, with every report written and valid', async () => {
    const server = await startOParlServer();
    const out = join(scratch, 'reference');
    const report = await conformantCliRun(['run', 'oparl-1.1', '--target', server.url, '--profile', 'without-https', '--rate', '0'], out, server);
    const judged = report.requirements.filter((requirement) => !requirement.notTestable && requirement.checks.length > 0);
    // Only the requirements of the production checks, left out by this profile, stay untested;
    // what the reference gives no case of is inapplicable: it sets no Access-Control-Allow-Methods,
    // its URLs have no query, no list has more than 100 objects, and it deletes papers, not files.
    const notPassed = judged.filter((requirement) => requirement.outcome !== 'passed').map((requirement) => [requirement.id, requirement.outcome]);
    expect(notPassed.sort()).toEqual(
      [
        ...['OPARL-URL-NO-IP', 'OPARL-URL-HTTPS', 'OPARL-URL-NO-DOWNGRADE', 'OPARL-URL-NO-IMPLEMENTATION'].map((id) => [id, 'untested']),
        ...['OPARL-CORS-ALLOW-METHODS-GET', 'OPARL-URL-QUERY-CANONICAL', 'OPARL-LIST-PAGINATE', 'OPARL-FILE-DELETED-GONE'].map((id) => [id, 'inapplicable']),
      ].sort(),
    );
    // Every object type was met and examined: no check passed for want of objects.
    const types = ['AgendaItem', 'Body', 'Consultation', 'File', 'LegislativeTerm', 'Location', 'Meeting', 'Membership', 'Organization', 'Paper', 'Person', 'System'];
    const schema = report.results.filter((result) => result.check === 'object-schema');
    expect(schema.map((result) => [result.subject?.id, result.outcome])).toEqual(types.map((type) => [type, 'passed']));
  });

  it('fails exactly the production checks over plain HTTP on an IP address, as warnings: HTTPS and host names are SHOULDs', async () => {
    const report = await runAgainst({}, 'full');
    expect(failedChecks(report)).toEqual(['https', 'url-form']);
    expect(report.results.filter((result) => result.outcome === 'failed').map((result) => result.severity)).toEqual(['warning', 'warning']);
    expect([report.verdict, report.exitCode]).toEqual(['conformant', 0]);
  });

  it('passes the full profile over HTTPS under a host name', async () => {
    const report = await runAgainst({ tls: true, hostname: 'localhost' }, 'full');
    expect(failedChecks(report)).toEqual([]);
    expect(undecided(report)).toEqual([]);
    expect(report.verdict).toBe('conformant');
  });

  const names = Object.keys(MUTANTS) as MutantName[];
  it.each(names.map((name) => [name, MUTANTS[name].breaks] as const))('mutant %s fails exactly %s', async (name, breaks) => {
    const report = await runAgainst({ mutant: name });
    expect(failedChecks(report)).toEqual([breaks]);
    expect(undecided(report)).toEqual([]);
    const findings = report.results.filter((result) => result.check === breaks).flatMap((result) => result.findings);
    // Every finding names where it was seen and the exchange it rests on.
    for (const finding of findings.filter((candidate) => candidate.severity !== 'info')) {
      expect(finding.exchange, finding.message).toBeDefined();
      expect(report.exchanges.some((exchange) => exchange.id === finding.exchange)).toBe(true);
    }
  });
});
