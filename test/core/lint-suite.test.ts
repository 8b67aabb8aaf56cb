/**
 * `konform suite lint` beyond loading: a check may list only the rules its kind can decide
 * (BR-DE-1, an XRechnung rule, listed on the CEN Schematron check would be passed by a check
 * that never evaluates it), and what a check refers to must load. Every problem is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintError, lintSuite } from '../../src/core/lint-suite.js';
import { loadSuite } from '../../src/core/load-suite.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

let workspace: SuiteWorkspace;
beforeAll(async () => {
  workspace = await suiteWorkspace('xrechnung-3.0', 'xrechnung/3.0');
});
afterAll(() => workspace.remove());

const lintOf = async () => {
  const { suite, standard } = await loadSuite(workspace.suiteFile);
  return lintSuite(suite, standard);
};

describe('lintSuite', () => {
  it('finds nothing wrong with the shipped xrechnung-3.0 suite: each Schematron check lists its own rules', async () => {
    expect(await lintOf()).toEqual([]);
  });

  it('names every rule listed on a Schematron check that has no assertion of it, and a Schematron that does not load', async () => {
    await workspace.edit(workspace.suiteFile, (text) =>
      text
        .replace(/(id: cen-ubl\n(?:.*\n){3}\s+verifies:\n\s+\[)/, '$1BR-DE-1, BR-DE-2, ')
        .replaceAll('schematron: schematron/xrechnung-2.5.0/', 'schematron: schematron/xrechnung-2.5.9/'),
    );
    const problems = await lintOf();
    expect(problems.map(({ check, message, location }) => [check, message, location.line])).toEqual([
      ['cen-ubl', 'verifies BR-DE-1, which a xml.schematron check with these options cannot decide', 64],
      ['cen-ubl', 'verifies BR-DE-2, which a xml.schematron check with these options cannot decide', 64],
      ['xrechnung-ubl', expect.stringContaining('is not an artifact of xrechnung 3.0'), expect.any(Number)],
      ['xrechnung-cii', expect.stringContaining('is not an artifact of xrechnung 3.0'), expect.any(Number)],
    ]);
    expect(lintError(problems).message).toMatch(/^4 problem\(s\):\n {2}\S+suite\.yaml:64:\d+: check "cen-ubl" verifies BR-DE-1/);
  });
});
