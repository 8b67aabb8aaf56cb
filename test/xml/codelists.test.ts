/**
 * XÖV code lists: Genericode parsing of the three metadata flavours, the lists and versions the
 * schemas fix, and the `xml.codelists` check on mutated copies of a real xdomea message.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/run/run.js';
import type { CheckResult } from '../../src/model/report.js';
import { codeElements } from '../../src/xml/codelist-elements.js';
import { CodeSchema } from '../../src/xml/codelist-schema.js';
import { parseElementTree } from '../../src/xml/element-tree.js';
import { parseGenericode } from '../../src/xml/genericode.js';

const MUTATED = 'fixtures/xoev/mutated';
const SUITE = 'fixtures/xoev/suites/xdomea-xoev';

function list(path: string) {
  return parseGenericode(readFileSync(join('standards', path), 'utf8'));
}

describe('Genericode code lists', () => {
  it('reads xoev-cl-4 lists (recommendedKeyColumn) with the other values of each row', () => {
    const messages = list('xbau/2.6/codelists/urn_xoev-de_xbau_codeliste_xbau-nachrichten_4.0.xml');
    expect(messages).toMatchObject({ uri: 'urn:xoev-de:xbau:codeliste:xbau-nachrichten', version: '4.0', keyColumn: 'code' });
    expect(messages.rows.get('0110')).toEqual(['bauberatung.anfrage.0110']);
  });

  it('reads xoev-cl-3 (empfohleneCodeSpalte) and genericode/1_0 (xoev-code) lists', () => {
    expect(list('xdomea/3.0.0/codelists/Nachrichtentyp_2.0.xml').rows.get('0503')).toEqual(['Aussonderung.Aussonderung']);
    const formats = list('xdomea/3.0.0/codelists/Dateiformat_1.0.xml');
    expect(formats).toMatchObject({ uri: 'urn:xoev-de:xdomea:codeliste:dateiformat', version: '1.0', keyColumn: 'Code' });
    expect(formats.rows.has('001')).toBe(true);
  });

  it('takes the marked key, not the first, and places values without ColumnRef after the previous one', () => {
    const text = `<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/" xmlns:x="http://xoev.de/schemata/genericode/4">
      <Identification><ShortName>t</ShortName><Version>1</Version><CanonicalUri>urn:t</CanonicalUri></Identification>
      <ColumnSet>
        <Column Id="name"/><Column Id="key"/>
        <Key Id="byName"><ColumnRef Ref="name"/></Key>
        <Key Id="byKey"><Annotation><AppInfo><x:recommendedKeyColumn/></AppInfo></Annotation><ColumnRef Ref="key"/></Key>
      </ColumnSet>
      <SimpleCodeList>
        <Row><Value><SimpleValue>Eins</SimpleValue></Value><Value><SimpleValue> 01 </SimpleValue></Value></Row>
      </SimpleCodeList>
    </gc:CodeList>`;
    const parsed = parseGenericode(text);
    expect(parsed.keyColumn).toBe('key');
    expect([...parsed.rows]).toEqual([['01', ['Eins']]]);
  });
});

describe('code elements and the lists the schemas fix', () => {
  it('finds codes the message writes without listURI/listVersionID and takes both from the XSD', () => {
    const schema = new CodeSchema();
    const dir = 'standards/xdomea/3.0.0/xsd/xdomea_3.0.0';
    for (const file of readdirSync(dir)) schema.components.add(parseElementTree(readFileSync(join(dir, file), 'utf8')).root);
    schema.components.add(parseElementTree(readFileSync('standards/xdomea/3.0.0/xsd/xoev/code/1_0/xoev-code.xsd', 'utf8')).root);
    const { root } = parseElementTree(readFileSync(join(MUTATED, 'xdomea-0503-valid.xml'), 'utf8'));
    const codes = codeElements(root, schema);
    const type = codes.find((code) => code.element.local === 'Nachrichtentyp');
    expect(type).toMatchObject({ typed: true, code: '0503', fixed: { listURI: 'urn:xoev-de:xdomea:codeliste:nachrichtentyp', listVersionID: '2.0' } });
    expect(type?.listURI).toBeUndefined();
    const country = codes.find((code) => code.element.local === 'Staat' && code.code === 'FR');
    expect(country).toMatchObject({ listVersionID: '7', fixed: { listURI: 'urn:xoev-de:kosit:codeliste:country-codes' } });
    expect(country?.fixed.listVersionID).toBeUndefined();
  });
});

describe('xml.codelists on mutated copies of a real xdomea message', () => {
  let results: Map<string, CheckResult>;
  let requirements: Map<string, string>;
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'konform-codelists-'));
    const truncated = join(scratch, 'truncated.xml');
    await writeFile(truncated, (await readFile(join(MUTATED, 'xdomea-0503-valid.xml'), 'utf8')).slice(0, 900));
    const fixedVersion = join(scratch, 'fixed-version.xml');
    const valid = await readFile(join(MUTATED, 'xdomea-0503-valid.xml'), 'utf8');
    await writeFile(fixedVersion, valid.replace('<xdomea:Nachrichtentyp>', '<xdomea:Nachrichtentyp listVersionID="1.0">'));
    // XML 1.0 §4.4.2: an internal entity is included, so the code is what its replacement text says.
    const entity = join(scratch, 'entity.xml');
    await writeFile(entity, valid.replace('<xdomea:Aussonderung.Aussonderung.0503', '<!DOCTYPE xdomea:Aussonderung.Aussonderung.0503 [<!ENTITY nine "9"><!ENTITY kanal "&nine;&nine;">]>\n<xdomea:Aussonderung.Aussonderung.0503').replace(/(<xdomea:Kanal [^>]*>\s*<code>)[^<]*</, '$1&kanal;<'));
    const deep = join(scratch, 'deep.xml');
    await writeFile(deep, `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`);
    const names = ['valid', 'unknown-code', 'wrong-version', 'unknown-list'].map((name) => join(MUTATED, `xdomea-0503-${name}.xml`));
    const report = await run({ suite: SUITE, profile: 'codelists', target: { files: [...names, truncated, fixedVersion, entity, deep] } });
    results = new Map(report.results.map((result) => [result.subject?.id.replace(/^.*\//, '') ?? '', result]));
    requirements = new Map(report.requirements.map((requirement) => [requirement.id, requirement.outcome]));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('passes a message whose every code is in its list', () => {
    expect(results.get('xdomea-0503-valid.xml')).toMatchObject({ outcome: 'passed', findings: [] });
  });

  it('fails a code that is not in the list, pointing at the element', () => {
    const result = results.get('xdomea-0503-unknown-code.xml');
    expect(result?.outcome).toBe('failed');
    expect(result?.findings).toEqual([
      expect.objectContaining({
        code: 'code-unknown',
        rule: 'XOEV-CODE-VALUE',
        severity: 'error',
        message: '<xdomea:Kanal> has code "99", which is not in urn:de:xoev:codeliste:erreichbarkeit version 3',
        location: {
          file: join(MUTATED, 'xdomea-0503-unknown-code.xml'),
          line: 54,
          column: 9,
          xpath: '/xdomea:Aussonderung.Aussonderung.0503[1]/xdomea:Kopf[1]/xdomea:Absender[1]/xdomea:Kommunikation[1]/xdomea:Kanal[1]',
        },
      }),
    ]);
  });

  it('reads codes as any XML processor does, internal entities expanded', () => {
    const result = results.get('entity.xml');
    expect(result?.outcome).toBe('failed');
    expect(result?.findings).toEqual([
      expect.objectContaining({ code: 'code-unknown', message: '<xdomea:Kanal> has code "99", which is not in urn:de:xoev:codeliste:erreichbarkeit version 3', location: expect.objectContaining({ line: 55, column: 9 }) }),
    ]);
  });

  it('cannot tell about a version konform does not have, naming list, version and the versions it has', () => {
    const result = results.get('xdomea-0503-wrong-version.xml');
    expect(result?.outcome).toBe('cantTell');
    expect(result?.findings).toEqual([
      expect.objectContaining({
        code: 'code-list-version-unknown',
        rule: 'XOEV-CODE-VERSION-KNOWN',
        undecided: true,
        params: expect.objectContaining({ listURI: 'urn:de:xoev:codeliste:erreichbarkeit', listVersionID: '2', known: ['3'] }),
      }),
      expect.objectContaining({ code: 'not-examined', rule: 'XOEV-CODE-VALUE', undecided: true, params: { count: 1, cause: 'code-list-version-unknown' } }),
    ]);
    expect(result?.findings[0]?.message).toMatch(/version 2 of urn:de:xoev:codeliste:erreichbarkeit.*konform has version 3/);
  });

  it('fails a version other than the one the standard fixes', () => {
    const result = results.get('fixed-version.xml');
    expect(result?.outcome).toBe('failed');
    expect(result?.findings).toEqual([
      expect.objectContaining({
        code: 'code-list-version-not-fixed',
        rule: 'XOEV-CODE-VERSION-KNOWN',
        severity: 'error',
        message: '<xdomea:Nachrichtentyp> names version 1.0 of urn:xoev-de:xdomea:codeliste:nachrichtentyp; the standard fixes version 2.0',
      }),
      expect.objectContaining({ code: 'not-examined', rule: 'XOEV-CODE-VALUE', undecided: true }),
    ]);
  });

  it('cannot tell about a list konform does not have, and never passes it', () => {
    const result = results.get('xdomea-0503-unknown-list.xml');
    expect(result?.outcome).toBe('cantTell');
    expect(result?.findings).toEqual([
      expect.objectContaining({ code: 'code-list-unknown', rule: 'XOEV-CODE-KNOWN-LIST', message: 'konform does not have code list urn:example:codeliste:rolle' }),
      ...['XOEV-CODE-VERSION-KNOWN', 'XOEV-CODE-VALUE'].map((rule) =>
        expect.objectContaining({ code: 'not-examined', rule, undecided: true, params: { count: 1, cause: 'code-list-unknown' } }),
      ),
    ]);
  });

  it('passes no rule it did not get to: the value of a code of a list konform does not have is cantTell', async () => {
    const report = await run({ suite: SUITE, profile: 'codelists', target: { files: [join(MUTATED, 'xdomea-0503-unknown-list.xml')] } });
    const outcomes = Object.fromEntries(report.requirements.filter((requirement) => requirement.class === 'codelists').map((requirement) => [requirement.id, requirement.outcome]));
    expect(outcomes).toMatchObject({ 'XOEV-CODE-KNOWN-LIST': 'cantTell', 'XOEV-CODE-VERSION-KNOWN': 'cantTell', 'XOEV-CODE-VALUE': 'cantTell' });
  });

  it('cannot tell about a file that is not well-formed or nests too deep', () => {
    for (const name of ['truncated.xml', 'deep.xml']) {
      expect(results.get(name)?.outcome, name).toBe('cantTell');
      expect(results.get(name)?.findings[0]?.code, name).toBe('message-unreadable');
    }
  });

  it('leaves every requirement of a file it cannot tell about at cantTell', () => {
    expect(requirements.get('XOEV-CODE-KNOWN-LIST')).toBe('cantTell');
    expect(requirements.get('XOEV-CODE-LIST-NAMED')).toBe('cantTell');
  });

  it('decides each requirement by the findings of its rule', async () => {
    const decided = ['valid', 'unknown-code'].map((name) => join(MUTATED, `xdomea-0503-${name}.xml`));
    const report = await run({ suite: SUITE, profile: 'codelists', target: { files: decided } });
    const outcomes = Object.fromEntries(report.requirements.filter((requirement) => requirement.class === 'codelists').map((requirement) => [requirement.id, requirement.outcome]));
    expect(outcomes).toEqual({
      'XOEV-CODE-LIST-NAMED': 'passed',
      'XOEV-CODE-VERSION-NAMED': 'passed',
      'XOEV-CODE-KNOWN-LIST': 'passed',
      'XOEV-CODE-VERSION-KNOWN': 'passed',
      'XOEV-CODE-VALUE': 'failed',
    });
  });
});
