/**
 * Which rules fired on a document (ISO/IEC 19757-3:2016 §6.5, SVRL `fired-rule`): konform's
 * compiled stylesheet names each rule that fired once, in its pattern, whatever the number of
 * nodes it fired on; a rule whose context matched nothing, or only nodes an earlier rule of its
 * pattern took, did not fire. For a precompiled stylesheet in the ISO skeleton's form, konform
 * reads which assertions belong to which rule from the stylesheet itself.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, isKonformError } from '../../src/model/errors.js';
import { compileSchematron } from '../../src/xml/schematron/compile.js';
import type { SvrlResult } from '../../src/xml/schematron/engine.js';
import { examinedAssertions, ruleKey, type AssertionsByRule } from '../../src/xml/schematron/fired-rules.js';
import { runProcess } from '../../src/xml/schematron/process.js';
import { saxonArguments, saxonCommand } from '../../src/xml/schematron/saxon-command.js';
import { saxonEngine } from '../../src/xml/schematron/saxon.js';
import { stylesheetOf } from '../../src/xml/schematron/stylesheet.js';
import { scratchFolder, type Scratch } from './schematron-support.js';

const SCH = 'xmlns="http://purl.oclc.org/dsdl/schematron"';
const XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:svrl="http://purl.oclc.org/dsdl/svrl"';

const schema = (binding: string) => `<schema ${SCH} queryBinding="${binding}">
  <ns prefix="t" uri="urn:test"/>
  <pattern id="items">
    <rule context="t:item[@special]"><assert test="@id" id="SPECIAL-ID">a special item has an id</assert></rule>
    <rule context="t:item"><assert test="@id" id="ITEM-ID">an item has an id</assert><report test="@code" id="ITEM-CODE">coded</report></rule>
    <rule context="t:missing"><assert test="false()" id="MISSING">never examined</assert></rule>
    <rule context="t:item"><assert test="false()" id="SHADOWED">the rule above takes every item</assert></rule>
  </pattern>
  <pattern id="no-rules"/>
  <pattern id="root">
    <rule context="/t:root"><assert test="t:item" id="ROOT-ITEMS">the root has items</assert></rule>
    <rule context="t:item/@code"><assert test=". = 'A'" id="CODE-A">the code is A</assert></rule>
  </pattern>
</schema>`;

const DOCUMENTS = {
  'items.xml': '<t:root xmlns:t="urn:test"><t:item id="1"/><t:item/><t:item id="3"/><t:item id="4"/></t:root>',
  'special.xml': '<t:root xmlns:t="urn:test"><t:item special="yes"/><t:item code="B"/></t:root>',
  'empty.xml': '<t:other xmlns:t="urn:test"/>',
};

let scratch: Scratch;
let files: Record<keyof typeof DOCUMENTS, string>;
beforeAll(async () => {
  scratch = await scratchFolder();
  const written = await scratch.write({ 'xslt2.sch': schema('xslt2'), 'xslt.sch': schema('xslt'), ...DOCUMENTS });
  files = { 'items.xml': written[2] as string, 'special.xml': written[3] as string, 'empty.xml': written[4] as string };
});
afterAll(() => scratch.remove());

const read = (path: string) => readFile(join(scratch.dir, path));

function examined(results: Map<string, SvrlResult>, rules: AssertionsByRule, file: string): string[] {
  const result = results.get(file);
  if (!result?.ok) throw new Error(`no SVRL for ${file}`);
  return [...examinedAssertions(result.firedRules, rules)].sort();
}

describe('rules that fired', () => {
  for (const binding of ['xslt2', 'xslt']) {
    it(`are the rules whose context matched a node no earlier rule of the pattern took (queryBinding ${binding})`, async () => {
      const { xslt, assertionsByRule } = await compileSchematron(`${binding}.sch`, read);
      const results = await saxonEngine().validateBatch(xslt, Object.values(files));
      expect(results.get(files['items.xml'])).toMatchObject({ ok: true, firedRules: [ruleKey(1, 't:item'), ruleKey(3, '/t:root')] });
      expect(examined(results, assertionsByRule, files['items.xml'])).toEqual(['ITEM-CODE', 'ITEM-ID', 'ROOT-ITEMS']);
      expect(examined(results, assertionsByRule, files['special.xml'])).toEqual(['CODE-A', 'ITEM-CODE', 'ITEM-ID', 'ROOT-ITEMS', 'SPECIAL-ID']);
      expect(examined(results, assertionsByRule, files['empty.xml'])).toEqual([]);
      // The assertions are reported as before.
      const failed = (file: string) => (results.get(file) as { assertions: Array<{ id?: string }> }).assertions.map((assertion) => assertion.id).sort();
      expect(failed(files['items.xml'])).toEqual(['ITEM-ID']);
      expect(failed(files['special.xml'])).toEqual(['CODE-A', 'ITEM-CODE', 'ITEM-ID', 'SPECIAL-ID']);
    });
  }

  it('are written once per rule, not once per node they fired on', async () => {
    const { xslt } = await compileSchematron('xslt2.sch', read);
    const [input, output] = [join(scratch.dir, 'in'), join(scratch.dir, 'out')];
    await Promise.all([mkdir(input), mkdir(output)]);
    await Promise.all([writeFile(join(scratch.dir, 'compiled.xsl'), xslt), writeFile(join(input, 'items.xml'), DOCUMENTS['items.xml'])]);
    const { java, jar } = saxonCommand();
    const run = await runProcess(java, saxonArguments(jar, join(scratch.dir, 'compiled.xsl'), input, output), { timeoutMs: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const svrl = await readFile(join(output, 'items.xml'), 'utf8');
    expect(svrl.match(/<svrl:fired-rule [^>]*>/g)).toEqual(['<svrl:fired-rule context="t:item"/>', '<svrl:fired-rule context="/t:root"/>']);
  });
});

describe("the rules of a precompiled stylesheet (the ISO skeleton's form)", () => {
  const stylesheet = (rules: string) => `<xsl:stylesheet ${XSL} version="2.0">
  <xsl:template match="/"><svrl:schematron-output>
    <svrl:active-pattern><xsl:attribute name="id">first</xsl:attribute><xsl:apply-templates/></svrl:active-pattern>
    <xsl:apply-templates select="/" mode="M2"/>
    <svrl:active-pattern id="second"/>
    <xsl:apply-templates select="/" mode="M1"/>
  </svrl:schematron-output></xsl:template>
  ${rules}
  <xsl:template match="text()" priority="-1" mode="M1"/>
</xsl:stylesheet>`;

  it('are read from the templates of each pattern’s mode, in the order the patterns are applied', async () => {
    await scratch.write({
      'iso.xsl': stylesheet(`
  <xsl:template match="a" mode="M1" priority="2"><svrl:fired-rule context="a"/>
    <xsl:choose><xsl:when test="b"/><xsl:otherwise><svrl:failed-assert test="b"><xsl:attribute name="id">A-B</xsl:attribute></svrl:failed-assert></xsl:otherwise></xsl:choose>
    <xsl:if test="c"><svrl:successful-report test="c" id="A-C"/></xsl:if>
  </xsl:template>
  <xsl:template match="a" mode="M1" priority="1"><svrl:fired-rule context="a"/><svrl:failed-assert test="x" id="SHADOWED"/></xsl:template>
  <xsl:template match="a[@x = '{']" mode="M2" priority="1"><svrl:fired-rule context="a[@x = '{{']"/><svrl:failed-assert test="x" id="BRACE"/></xsl:template>
  <xsl:template match="b" mode="M2" priority="1"><svrl:fired-rule context="{name()}"/><svrl:failed-assert test="x" id="COMPUTED"/></xsl:template>`),
    });
    const { assertionsByRule } = await stylesheetOf({ xslt: 'iso.xsl' }, read);
    expect([...assertionsByRule]).toEqual([
      [ruleKey(2, 'a'), ['A-B', 'A-C']],
      [ruleKey(1, "a[@x = '{']"), ['BRACE']],
    ]);
  });

  it('must be there: konform cannot judge by a stylesheet that writes no fired-rule', async () => {
    await scratch.write({ 'no-fired-rule.xsl': stylesheet('<xsl:template match="a" mode="M1"><svrl:failed-assert test="x" id="X"/></xsl:template>') });
    const error = await stylesheetOf({ xslt: 'no-fired-rule.xsl' }, read).catch((caught: unknown) => caught);
    expect(isKonformError(error) && error.code).toBe(ERROR_CODES.STANDARD_INVALID);
    expect((error as Error).message).toMatch(/writes no svrl:fired-rule/);
  });
});
