/**
 * The OGC API check kinds name the requirements they can decide (CheckKind.lint), so that
 * `konform suite lint` refuses a check that verifies one its kind never examines: listed, it
 * would be reported passed. Every finding a run makes names a rule of that set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/ogcapi/mutants.js';
import { startOgcServer } from '../../fixtures/ogcapi/server.js';
import { run } from '../../src/run/run.js';
import { declaredRules, lintChanged, lintOf, shippedSuiteFile, undeclaredFindingRules, undeclaredSourceRules } from '../core/declared-rules.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';
import { runAgainst } from './variant-run.js';

const SUITE = 'ogcapi-features-1.0';

let workspace: SuiteWorkspace;
beforeAll(async () => {
  workspace = await suiteWorkspace(SUITE, 'ogcapi-features/1.0');
});
afterAll(() => workspace.remove());

describe('the rules an OGC API check can decide', () => {
  it('are all the shipped ogcapi-features-1.0 suite lists', async () => {
    expect(await lintOf(shippedSuiteFile(SUITE))).toEqual([]);
  });

  it('refuse, with its line, a rule of another check or class listed on a check', async () => {
    const { problems, lineOf } = await lintChanged(workspace, (text) =>
      text
        .replace('verifies: [/req/core/fc-op,', 'verifies: [/req/html/content, /req/core/fc-op,')
        .replace('verifies: [/rec/core/html]', 'verifies: [/rec/core/html, /rec/core/geojson]')
        .replace('verifies: [/req/oas30/oas-definition-2]', 'verifies: [/req/oas30/oas-definition-2, /rec/core/api-definition-oas]'),
    );
    expect(problems).toEqual([
      ['items', 'verifies /req/html/content, which a ogcapi.items check with these options cannot decide', lineOf('[/req/html/content, /req/core/fc-op')],
      ['offers-html', 'verifies /rec/core/geojson, which a ogcapi.declares-class check with these options cannot decide', lineOf('[/rec/core/html, /rec/core/geojson]')],
      ['openapi-document', 'verifies /rec/core/api-definition-oas, which a ogcapi.openapi-document check with these options cannot decide', lineOf('[/req/oas30/oas-definition-2, /rec/core/api-definition-oas]')],
    ]);
  });

  it('hold every rule the module of each kind names, with the options of the suite', async () => {
    expect(await undeclaredSourceRules([shippedSuiteFile(SUITE)])).toEqual([]);
  });

  it('hold every rule the findings name, against the reference server and each mutant', async () => {
    const declared = await declaredRules(shippedSuiteFile(SUITE));
    const server = await startOgcServer();
    try {
      const reference = await run({ suite: SUITE, target: { url: server.url }, limits: { ratePerHost: 0 } });
      expect(undeclaredFindingRules(reference, declared)).toEqual([]);
    } finally {
      await server.close();
    }
    for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
      const report = await runAgainst({ mutant });
      expect(report.results.some((result) => result.findings.some((finding) => finding.rule !== undefined))).toBe(true);
      expect([mutant, undeclaredFindingRules(report, declared)]).toEqual([mutant, []]);
    }
  }, 600_000);
});
