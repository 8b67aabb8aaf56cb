/**
 * konform's Schematron compiler, run on Saxon-HE: includes (whole file and #fragment),
 * abstract patterns with params (a name that prefixes another is not touched), abstract rules
 * with extends, phases, lets at every level, foreign xsl:function (also in the default
 * namespace, called from schema-level lets, as in the Peppol rules of XRechnung's release),
 * assert/report with id, flag, role, value-of, name and diagnostics, the rule firing order of
 * §6.5 and the SVRL location of elements and attributes. Also what the compiler refuses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKonformError } from '../../src/model/errors.js';
import { activePatterns, compileSchematron, loadSchematron } from '../../src/xml/schematron/compile.js';
import type { SvrlAssertion } from '../../src/xml/schematron/engine.js';
import { assertionsOf, runSchematron, scratchFolder, type Scratch } from './schematron-support.js';

const SCH = 'xmlns:sch="http://purl.oclc.org/dsdl/schematron"';
const T = "[namespace-uri()='urn:test']";

const SOURCES = {
  'main.sch': `<?xml version="1.0" encoding="UTF-8"?>
<sch:schema ${SCH} xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:functions" queryBinding="xslt2" defaultPhase="structure">
  <sch:title>konform compiler features</sch:title>
  <sch:ns prefix="t" uri="urn:test"/>
  <sch:let name="maxItems" value="3"/>
  <xsl:function name="f:double"><xsl:param name="n"/><xsl:sequence select="2 * $n"/></xsl:function>
  <sch:phase id="structure"><sch:active pattern="firing"/><sch:active pattern="all-items"/><sch:active pattern="box"/></sch:phase>
  <sch:phase id="counting"><sch:let name="phaseLimit" value="1"/><sch:active pattern="counting"/></sch:phase>
  <sch:include href="parts/firing.sch"/>
  <sch:include href="parts/abstract.sch"/>
  <sch:pattern id="all-items">
    <sch:rule context="t:item"><sch:report test="true()" id="R-ALL" role="information">item</sch:report></sch:rule>
  </sch:pattern>
  <sch:pattern id="box" is-a="container">
    <sch:param name="parent" value="t:box"/>
    <sch:param name="child" value="t:inner"/>
    <sch:param name="child-count" value="2"/>
  </sch:pattern>
  <sch:include href="parts/library.sch#counting"/>
  <sch:diagnostics><sch:diagnostic id="d-count">found <sch:value-of select="count(t:item)"/> items</sch:diagnostic></sch:diagnostics>
</sch:schema>`,
  'parts/firing.sch': `<sch:pattern ${SCH} id="firing">
  <sch:let name="special" value="'yes'"/>
  <sch:rule abstract="true" id="identified">
    <sch:assert test="@id" id="R-ID" flag="warning">an item has an id</sch:assert>
  </sch:rule>
  <sch:rule context="t:item[@special = $special]">
    <sch:report test="true()" id="R-SPECIAL" role="info">special item <sch:value-of select="@id"/> in <sch:name path=".."/></sch:report>
  </sch:rule>
  <sch:rule context="t:item" flag="fatal">
    <sch:let name="n" value="count(preceding-sibling::t:item) + 1"/>
    <sch:extends rule="identified"/>
    <sch:assert test="$n le $maxItems" id="R-MAX">item <sch:value-of select="$n"/> exceeds <sch:value-of select="$maxItems"/></sch:assert>
    <sch:assert test="f:double($n) lt 100" id="R-FN">double</sch:assert>
  </sch:rule>
  <sch:rule context="t:item/@code">
    <sch:assert test=". = ('A', 'B')" id="R-CODE" role="ERROR">code <sch:value-of select="."/> is unknown</sch:assert>
  </sch:rule>
</sch:pattern>`,
  'parts/abstract.sch': `<sch:pattern ${SCH} abstract="true" id="container">
  <sch:rule context="$parent">
    <sch:assert test="count($child) = $child-count" id="R-CHILDREN" flag="warning"><sch:name/> has <sch:value-of select="count($child)"/> children</sch:assert>
  </sch:rule>
</sch:pattern>`,
  'parts/library.sch': `<sch:schema ${SCH}>
  <sch:pattern id="unused"><sch:rule context="*"><sch:assert test="false()" id="R-UNUSED">never included</sch:assert></sch:rule></sch:pattern>
  <sch:pattern id="counting">
    <sch:rule context="/t:root">
      <sch:assert test="count(t:item) le $phaseLimit" id="R-COUNT" diagnostics="d-count">too many items</sch:assert>
    </sch:rule>
  </sch:pattern>
</sch:schema>`,
  'default-namespace-function.sch': `<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="t" uri="urn:test"/>
  <ns prefix="u" uri="utils"/>
  <let name="items" value="count(/t:root/t:item)"/>
  <let name="limit" value="u:twice($items)"/>
  <function xmlns="http://www.w3.org/1999/XSL/Transform" name="u:twice" as="xs:integer">
    <param name="n" as="xs:integer"/>
    <sequence select="2 * $n"/>
  </function>
  <pattern>
    <rule context="/t:root"><report test="$limit = u:twice(count(t:item))" id="R-LIMIT">limit <value-of select="$limit"/></report></rule>
  </pattern>
</schema>`,
  'doc.xml': `<t:root xmlns:t="urn:test">
  <t:item id="1"/>
  <t:item id="2" special="yes"/>
  <t:item code="C"/>
  <t:item id="4" code="A"/>
  <t:box><t:inner/></t:box>
</t:root>`,
};

let scratch: Scratch;
let documents: string[];

beforeAll(async () => {
  scratch = await scratchFolder();
  const written = await scratch.write(SOURCES);
  documents = written.filter((file) => file.endsWith('.xml'));
});
afterAll(() => scratch.remove());

const read = (path: string) => readFile(join(scratch.dir, path));
const item = (n: number) => `/*:root${T}[1]/*:item${T}[${n}]`;
const summary = (assertions: SvrlAssertion[]) =>
  assertions.map(({ kind, id, flag, role, location, text }) => ({ kind, id, flag, role, location, text })).sort((a, b) => `${a.id}${a.location}`.localeCompare(`${b.id}${b.location}`));

describe('konform Schematron compiler', () => {
  it('evaluates includes, abstract patterns and rules, lets and the rule firing order in the default phase', async () => {
    const results = await runSchematron(scratch.dir, 'main.sch', documents);
    expect(summary(assertionsOf(results.get(documents[0] as string)))).toEqual([
      ...[1, 2, 3, 4].map((n) => ({ kind: 'successful-report', id: 'R-ALL', flag: undefined, role: 'information', location: item(n), text: 'item' })),
      { kind: 'failed-assert', id: 'R-CHILDREN', flag: 'warning', role: undefined, location: `/*:root${T}[1]/*:box${T}[1]`, text: 't:box has 1 children' },
      { kind: 'failed-assert', id: 'R-CODE', flag: undefined, role: 'ERROR', location: `${item(3)}/@code`, text: 'code C is unknown' },
      { kind: 'failed-assert', id: 'R-ID', flag: 'warning', role: undefined, location: item(3), text: 'an item has an id' },
      { kind: 'failed-assert', id: 'R-MAX', flag: 'fatal', role: undefined, location: item(4), text: 'item 4 exceeds 3' },
      { kind: 'successful-report', id: 'R-SPECIAL', flag: undefined, role: 'info', location: item(2), text: 'special item 2 in t:root' },
    ]);
  });

  it('activates the patterns of a named phase, with its lets, and reports diagnostics', async () => {
    const results = await runSchematron(scratch.dir, 'main.sch', documents, 'counting');
    const [count] = assertionsOf(results.get(documents[0] as string));
    expect(count).toMatchObject({ id: 'R-COUNT', location: `/*:root${T}[1]`, text: 'too many items', diagnostics: ['found 4 items'] });
  });

  it('resolves #ALL, #DEFAULT and named phases', async () => {
    const model = await loadSchematron('main.sch', read);
    const ids = (phase: string) => activePatterns(model, phase).patterns.map((pattern) => pattern.id);
    expect(ids('#ALL')).toEqual(['firing', 'all-items', 'box', 'counting']);
    expect(ids('#DEFAULT')).toEqual(['firing', 'all-items', 'box']);
    expect(ids('counting')).toEqual(['counting']);
    expect(() => activePatterns(model, 'nope')).toThrow(/no phase "nope".*structure, counting/);
  });

  it('makes schema-level lets stylesheet parameters and lists every assertion with its severity', async () => {
    const compiled = await compileSchematron('main.sch', read, { phase: '#ALL' });
    expect(compiled.xslt).toContain('<xsl:param name="maxItems" select="3"/>');
    expect(compiled.assertions.map((assertion) => `${assertion.id}:${assertion.flag ?? assertion.role ?? '-'}`)).toEqual([
      'R-SPECIAL:info', 'R-ID:warning', 'R-MAX:fatal', 'R-FN:fatal', 'R-CODE:ERROR', 'R-ALL:information', 'R-CHILDREN:warning', 'R-COUNT:-',
    ]);
  });

  it('copies XSLT functions written in the default namespace, which schema-level lets may call', async () => {
    const results = await runSchematron(scratch.dir, 'default-namespace-function.sch', documents);
    expect(assertionsOf(results.get(documents[0] as string))).toMatchObject([{ kind: 'successful-report', id: 'R-LIMIT', location: `/*:root${T}[1]`, text: 'limit 8' }]);
  });
});

describe('what the compiler refuses', () => {
  async function compileWith(rule: string, extra = ''): Promise<unknown> {
    await scratch.write({ 'refused.sch': `<sch:schema ${SCH} xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">${extra}<sch:pattern>${rule}</sch:pattern></sch:schema>` });
    return compileSchematron('refused.sch', read).then(() => 'compiled', (error: unknown) => error);
  }

  it('refuses expressions that read other resources, but not their names in string literals', async () => {
    for (const test of ["doc('http://example.org/x.xml')", "unparsed-text('/etc/passwd') != ''", "exists(collection())", "fn:environment-variable('HOME')"]) {
      const error = await compileWith(`<sch:rule context="*"><sch:assert test="${test.replace(/"/g, '&quot;')}">x</sch:assert></sch:rule>`);
      expect(isKonformError(error) && error.message, test).toMatch(/could read or write other resources/);
    }
    expect(await compileWith(`<sch:rule context="*"><sch:assert test="contains(., 'doc(x)') or document-uri(/) != ''">x</sch:assert></sch:rule>`)).toBe('compiled');
  });

  it('refuses embedded XSLT that imports or writes documents', async () => {
    const error = await compileWith('<sch:rule context="*"><sch:assert test="true()">x</sch:assert></sch:rule>', '<xsl:import href="other.xsl"/>');
    expect(isKonformError(error) && error.message).toMatch(/xsl:import/);
  });

  it('refuses query bindings it cannot run', async () => {
    await scratch.write({ 'binding.sch': `<sch:schema ${SCH} queryBinding="exslt"><sch:pattern><sch:rule context="*"><sch:assert test="true()">x</sch:assert></sch:rule></sch:pattern></sch:schema>` });
    await expect(compileSchematron('binding.sch', read)).rejects.toThrow(/queryBinding "exslt"/);
  });
});
