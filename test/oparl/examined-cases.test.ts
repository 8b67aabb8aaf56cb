/**
 * A requirement is passed only where a case of it was examined: every passed result of the
 * oparl-1.1 suite against the reference server names the cases it rests on (the information
 * finding `cases-examined`), with at least one case of each rule it decides; a check that met
 * no case of a rule leaves it undecided, and one that met none at all is inapplicable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOParlServer } from '../../fixtures/oparl/server.js';
import { loadSuite } from '../../src/run/load-suite.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';

let report: Report;
let close: () => Promise<void>;

beforeAll(async () => {
  const server = await startOParlServer();
  close = server.close;
  report = await run({ suite: 'oparl-1.1', profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0 } });
});
afterAll(() => close());

const result = (id: string) => report.results.find((candidate) => candidate.id === id);

describe('oparl-1.1 passes only what it examined cases of (reference server)', () => {
  it('names at least one case of every rule each passed result decides', async () => {
    const { suite } = await loadSuite('oparl-1.1');
    const verifies = new Map(suite.classes.flatMap((cls) => cls.checks).map((check) => [check.id, check.verifies]));
    const passed = report.results.filter((candidate) => candidate.outcome === 'passed');
    expect(passed.length).toBeGreaterThan(0);
    for (const { id, check, rules, findings } of passed) {
      const decided = rules ?? verifies.get(check) ?? [];
      const cases = findings.find((finding) => finding.code === 'cases-examined')?.params?.cases as Record<string, number> | undefined;
      expect(decided.length, id).toBeGreaterThan(0);
      for (const rule of decided) expect(cases?.[rule], `${id} ${rule}`).toBeGreaterThanOrEqual(1);
    }
  });

  it('leaves inapplicable what had no case: rules of other types, of deleted objects, of long lists', () => {
    for (const id of ['property-rules/File', 'property-rules/Meeting', 'property-rules/System', 'back-references/System', 'deleted-objects/System', 'deleted-objects/Person', 'list-size/Paper']) {
      expect(result(id)?.outcome, id).toBe('inapplicable');
    }
    // Papers are the only deleted objects of the reference: elsewhere the rules on deleted objects have no case.
    expect(result('deleted-objects/AgendaItem')?.rules).toEqual(['OPARL-LIST-INTERNAL-NOT-DELETED']);
    expect(result('deleted-objects/Paper')?.rules).toEqual(['OPARL-DEL-FLAG', 'OPARL-DEL-KEEP', 'OPARL-DEL-STATUS', 'OPARL-LIST-DELETED-HIDDEN', 'OPARL-LIST-DELETED-MODIFIED-SINCE']);
    // The reference sets no Access-Control-Allow-Methods and gives no URL with a query.
    expect(result('cors/server')?.rules).toEqual(['OPARL-CORS-ALLOW-ORIGIN']);
    expect(result('id-matches-url/Paper')?.rules).toEqual(['OPARL-URL-CANONICAL', 'OPARL-URL-PATH-CANONICAL']);
  });
});
