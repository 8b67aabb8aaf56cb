/**
 * The OParl check kinds name the requirements they can decide (CheckKind.lint), so that
 * `konform suite lint` refuses a check that verifies one its kind never examines: listed, it
 * would be reported passed. Every finding a run makes names a rule of that set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTANTS, type MutantName } from '../../fixtures/oparl/mutants.js';
import { startOParlServer, type OParlServerOptions } from '../../fixtures/oparl/server.js';
import { startRealWorldServer } from '../../fixtures/oparl-real-world/server.js';
import type { RunOptions } from '../../src/run/options.js';
import { run } from '../../src/run/run.js';
import type { Report } from '../../src/model/report.js';
import { declaredRules, lintChanged, lintOf, shippedSuiteFile, undeclaredFindingRules, undeclaredSourceRules } from '../core/declared-rules.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

async function runWith(server: { url: string; close(): Promise<void> }, options: Omit<RunOptions, 'target'>): Promise<Report> {
  try {
    return await run({ ...options, target: { url: server.url }, limits: { ratePerHost: 0 } });
  } finally {
    await server.close();
  }
}

const runOParl11 = async (server: OParlServerOptions) => runWith(await startOParlServer(server), { suite: 'oparl-1.1', profile: 'full' });

let workspace: SuiteWorkspace;
beforeAll(async () => {
  workspace = await suiteWorkspace('oparl-1.1', 'oparl/1.1');
});
afterAll(() => workspace.remove());

describe('the rules an OParl check can decide', () => {
  it.each(['oparl-1.0', 'oparl-1.1'])('are all the shipped %s suite lists', async (suite) => {
    expect(await lintOf(shippedSuiteFile(suite))).toEqual([]);
  });

  it("refuse, with its line, another check's rule listed on a check", async () => {
    const { problems, lineOf } = await lintChanged(workspace, (text) =>
      text
        .replace('verifies: [OPARL-OBJ-TYPE]', 'verifies: [OPARL-OBJ-TYPE, OPARL-OBJ-ID]')
        .replace('verifies: [OPARL-URL-HTTPS, OPARL-URL-NO-DOWNGRADE]', 'verifies: [OPARL-URL-ONE-SCHEME, OPARL-URL-NO-DOWNGRADE]'),
    );
    expect(problems).toEqual([
      ['type-uri', 'verifies OPARL-OBJ-ID, which a oparl.type-uri check with these options cannot decide', lineOf('[OPARL-OBJ-TYPE, OPARL-OBJ-ID]')],
      ['https', 'verifies OPARL-URL-ONE-SCHEME, which a oparl.url-scheme check with these options cannot decide', lineOf('[OPARL-URL-ONE-SCHEME, OPARL-URL-NO-DOWNGRADE]')],
    ]);
  });

  it('hold every rule the module of a kind names, with the options of oparl-1.0 and oparl-1.1', async () => {
    expect(await undeclaredSourceRules(['oparl-1.0', 'oparl-1.1'].map(shippedSuiteFile))).toEqual([]);
  });

  it('hold every rule the findings of oparl-1.1 name, against the reference server and each mutant', async () => {
    const declared = await declaredRules(shippedSuiteFile('oparl-1.1'));
    expect(undeclaredFindingRules(await runOParl11({}), declared)).toEqual([]);
    for (const mutant of Object.keys(MUTANTS) as MutantName[]) {
      const report = await runOParl11({ mutant });
      expect(report.results.some((result) => result.outcome === 'failed')).toBe(true);
      expect([mutant, undeclaredFindingRules(report, declared)]).toEqual([mutant, []]);
    }
  }, 600_000);

  it('hold every rule the findings of oparl-1.0 name, against the answers of a real OParl 1.0 server', async () => {
    const declared = await declaredRules(shippedSuiteFile('oparl-1.0'));
    const report = await runWith(await startRealWorldServer(), { suite: 'oparl-1.0', profile: 'without-https' });
    expect(report.results.some((result) => result.outcome === 'failed')).toBe(true);
    expect(undeclaredFindingRules(report, declared)).toEqual([]);
  });
});
