/**
 * The requirement catalogue of standards/xrechnung/3.0 is what its Schematron files say: one
 * requirement per rule ID, with the assertion's text (UBL binding first) and the level of its
 * strictest flag; each Schematron check of the suite verifies exactly the rule IDs of its
 * Schematron; and the scenario table names only Schematron files the suite checks.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../src/run/load-suite.js';
import { compileSchematron, type AssertionSummary } from '../../src/xml/schematron/compile.js';
import { parseScenarioTable } from '../../src/xml/scenarios.js';

const LEVELS: Record<string, 'MUST' | 'SHOULD' | 'MAY'> = { fatal: 'MUST', warning: 'SHOULD', information: 'MAY' };
const RANK = ['MUST', 'SHOULD', 'MAY'];

describe('xrechnung 3.0 requirement catalogue', () => {
  it('has one requirement per Schematron rule, and each Schematron check verifies its rules', async () => {
    const { suite, standard } = await loadSuite('xrechnung-3.0');
    const read = (path: string) => readFile(join(standard.dir, path));
    const checks = suite.classes.flatMap((cls) => cls.checks).filter((check) => check.kind === 'xml.schematron');
    expect(checks.map((check) => check.id)).toEqual(['cen-ubl', 'cen-cii', 'xrechnung-ubl', 'xrechnung-cii']);
    const expected = new Map<string, { text: string; level: string; class: string }>();
    for (const check of checks) {
      const { assertions } = await compileSchematron(check.options.schematron as string, read);
      expect(check.verifies, check.id).toEqual(assertions.map((assertion: AssertionSummary) => assertion.id));
      for (const assertion of assertions) {
        const level = LEVELS[assertion.flag ?? 'fatal'] as string;
        const seen = expected.get(assertion.id as string);
        if (!seen) expected.set(assertion.id as string, { text: assertion.text, level, class: check.class });
        else if (RANK.indexOf(level) < RANK.indexOf(seen.level)) seen.level = level;
      }
    }
    const ruled = standard.requirements.filter((requirement) => requirement.class === 'cen' || requirement.class === 'xrechnung');
    expect(ruled.map(({ id, text, level, class: cls }) => [id, { text, level, class: cls }])).toEqual([...expected]);
    expect(ruled.length).toBeGreaterThan(1500);
  });

  it('names in its scenarios only Schematron files that the suite checks', async () => {
    const { suite, standard } = await loadSuite('xrechnung-3.0');
    const table = parseScenarioTable(await readFile(join(standard.dir, 'scenarios.yaml'), 'utf8'), 'scenarios.yaml');
    const checked = suite.classes.flatMap((cls) => cls.checks).map((check) => check.options.schematron);
    expect(table.scenarios).toHaveLength(11);
    for (const scenario of table.scenarios) for (const schematron of scenario.schematron) expect(checked, scenario.id).toContain(schematron);
  });
});
