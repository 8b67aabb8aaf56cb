/**
 * `suite lint` of an `xml.schematron` check on a precompiled stylesheet: the rules it can decide
 * are the assertions of the rules konform reads from the stylesheet — for CEN's precompiled
 * EN 16931 stylesheet, the same as those of the Schematron it was compiled from.
 */
import { describe, expect, it } from 'vitest';
import { lintSchematron } from '../../../src/checks/xml/schematron-lint.js';
import { loadSuite } from '../../../src/run/load-suite.js';

const CEN_UBL = 'schematron/en16931-cen-1.3.15/ubl';

describe('lintSchematron', () => {
  it("decides the rules of a precompiled stylesheet's assertions, as of its Schematron", async () => {
    const { standard } = await loadSuite('xrechnung-3.0');
    const precompiled = await lintSchematron({ xslt: `${CEN_UBL}/xslt/EN16931-UBL-validation.xslt` }, standard);
    const compiled = await lintSchematron({ schematron: `${CEN_UBL}/schematron/EN16931-UBL-validation.sch` }, standard);
    expect(precompiled.problems).toEqual([]);
    expect(precompiled.decidableRules).toContain('BR-01');
    expect(precompiled.decidableRules).not.toContain('BR-DE-1');
    expect([...(precompiled.decidableRules ?? [])].sort()).toEqual([...(compiled.decidableRules ?? [])].sort());
  });
});
