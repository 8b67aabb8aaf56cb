/**
 * A message file's one pass: read and parsed once for its root, its well-formedness, its
 * scenario in each table and its validity against each schema for its root; and, in a run,
 * shared by the checks that judge it, each taking its own judgement, whatever the order in
 * which they register and ask.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentOf, registerSchema, registerTable, schemaFindings } from '../../src/checks/xml/document.js';
import type { Standard } from '../../src/model/types.js';
import { createCheckContext } from '../../src/run/context.js';
import { run } from '../../src/run/run.js';
import { documentFacts, fileRoot } from '../../src/xml/document-pass.js';
import { parseScenarioTable } from '../../src/xml/scenarios.js';
import { compileXsd, type XsdSchema } from '../../src/xml/xsd.js';
import { scratchSuite } from './xsd-support.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x" elementFormDefault="qualified">
  <xs:element name="a"><xs:complexType><xs:sequence><xs:element name="n" type="xs:integer"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const TABLE = parseScenarioTable('namespaces: { x: "urn:x" }\nscenarios:\n  - { id: with-n, name: With n, match: "/x:a/x:n", schematron: [] }\n', 'scenarios.yaml');

let dir: string;
let schema: XsdSchema;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-document-pass-'));
  schema = compileXsd('/schema.xsd', (uri) => (uri === '/schema.xsd' ? { bytes: Buffer.from(SCHEMA) } : { refused: 'not the schema' }));
});
afterAll(async () => {
  schema.dispose();
  await rm(dir, { recursive: true, force: true });
});

async function fileOf(name: string, text: string | Uint8Array): Promise<string> {
  await writeFile(join(dir, name), text);
  return join(dir, name);
}

describe('fileRoot', () => {
  it('names the root from the first bytes', async () => {
    expect(fileRoot(await fileOf('plain.xml', '<?xml version="1.0"?><m:Nachricht xmlns:m="urn:x"/>'))).toEqual({ root: '{urn:x}Nachricht' });
  });

  it("takes the root from konform's parse where the first bytes do not name it", async () => {
    // A name beyond ASCII (XML 1.0 §2.3 NameStartChar), which the scan of the first bytes does not read.
    expect(fileRoot(await fileOf('non-ascii-name.xml', '<Übersicht xmlns="urn:x"/>'))).toEqual({ root: '{urn:x}Übersicht' });
  });

  it("takes the namespace from konform's parse, which expands an entity in its declaration", async () => {
    const file = await fileOf('entity-namespace.xml', '<!DOCTYPE a [<!ENTITY ns "urn:x">]><a xmlns="&ns;"><n>1</n></a>');
    expect(fileRoot(file)).toEqual({ root: '{urn:x}a' });
  });

  it('names the root its first bytes give a file that is not well-formed', async () => {
    expect(fileRoot(await fileOf('broken.xml', '<a xmlns="urn:x"><n>1</a>'))).toEqual({ root: '{urn:x}a' });
  });

  it('says why a file has no root: its parse findings', async () => {
    expect(fileRoot(await fileOf('pdf.xml', Buffer.from('%PDF-1.7\n')))).toEqual({ rootless: { tooLarge: false, findings: [expect.objectContaining({ code: 'not-xml' })] } });
  });
});

describe('documentFacts', () => {
  it('makes every judgement in one parse: well-formedness, scenario, each schema for the root, compiled only then', async () => {
    const file = await fileOf('invalid.xml', '<a xmlns="urn:x"><n>twelve</n></a>');
    const asked: string[] = [];
    const judge = (key: string, match: string[]) => ({ key, match, schema: () => (asked.push(key), schema) });
    const facts = documentFacts(file, { schemas: [judge('for-a', ['{urn:x}a']), judge('for-b', ['{urn:x}b'])], tables: new Map([['table', TABLE]]) });
    expect(facts.root).toEqual({ root: '{urn:x}a' });
    expect(facts.parse).toEqual({ wellFormed: true, tooLarge: false, findings: [] });
    expect(facts.scenarios.get('table')).toMatchObject({ id: 'with-n' });
    // A schema is asked for (and compiled) only for a file whose root it is for.
    expect(asked).toEqual(['for-a']);
    expect([...facts.xsd.keys()]).toEqual(['for-a']);
    expect(facts.xsd.get('for-a')).toEqual([expect.objectContaining({ code: 'xsd-invalid', severity: 'error', location: expect.objectContaining({ line: 1 }) })]);
  });

  it('gives a file that is not well-formed its parse errors as the findings of each schema, and no scenario', async () => {
    const file = await fileOf('not-well-formed.xml', '<a xmlns="urn:x"><n>1</a>');
    const facts = documentFacts(file, { schemas: [{ key: 'for-a', schema: () => schema, match: ['{urn:x}a'] }], tables: new Map([['table', TABLE]]) });
    expect(facts.parse.wellFormed).toBe(false);
    expect(facts.scenarios.get('table')).toBeUndefined();
    expect(facts.xsd.get('for-a')).toEqual(facts.parse.findings);
    expect(facts.parse.findings[0]).toMatchObject({ severity: 'error' });
  });
});

describe('the pass in a run', () => {
  const contextOf = (files: string[]) =>
    createCheckContext({ target: { files }, standard: {} as Standard, http: undefined as never, signal: new AbortController().signal, runSuite: () => Promise.reject(new Error('none')) });

  it('is run once per file; each check takes its own judgement, and one registered late gets a pass of its own', async () => {
    const file = await fileOf('shared.xml', '<a xmlns="urn:x"><n>twelve</n></a>');
    const { context, dispose } = contextOf([file]);
    const entry = { match: ['{urn:x}a'], schema: () => schema };
    await registerSchema(context, 'early', entry);
    await registerTable(context, 'table', async () => TABLE);
    const facts = await documentOf(context, file);
    expect(await documentOf(context, file)).toBe(facts);
    expect(facts.scenarios.get('table')).toMatchObject({ id: 'with-n' });
    await registerSchema(context, 'late', entry);
    expect([...facts.xsd.keys()]).toEqual(['early']);
    const early = await schemaFindings(context, file, 'early', entry);
    expect(early).toEqual([expect.objectContaining({ code: 'xsd-invalid' })]);
    expect(facts.xsd.has('early')).toBe(false);
    expect(await schemaFindings(context, file, 'late', entry)).toEqual(early);
    await dispose();
  });
});

describe('the pass in a run of a suite', () => {
  it('leaves a schema that does not compile to its own check, cantTell, and the other judgements of the file as they are', async () => {
    const xsd = join(dir, 'schemas');
    await mkdir(xsd);
    await writeFile(join(xsd, 'broken.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a" type="nothing"/></xs:schema>');
    await writeFile(join(xsd, 'other.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="b" type="nothing"/></xs:schema>');
    const suite = await scratchSuite(xsd, [
      { id: 'broken', schema: 'xsd/broken.xsd', match: ['{urn:x}a'] },
      // Broken too, but for another root: no file needs it.
      { id: 'other', schema: 'xsd/other.xsd', match: ['{urn:x}b'] },
    ]);
    try {
      const file = await fileOf('for-broken.xml', '<a xmlns="urn:x"><n>1</n></a>');
      const report = await run({ suite: suite.suite, target: { files: [file] } });
      const outcome = (check: string) => report.results.find((result) => result.check === check);
      expect(outcome('well-formed')?.outcome).toBe('passed');
      expect(outcome('broken')).toMatchObject({ outcome: 'cantTell', findings: [expect.objectContaining({ code: 'check-error', message: expect.stringMatching(/the schema does not compile/) })] });
      expect(outcome('other')?.outcome).toBe('inapplicable');
    } finally {
      await suite.remove();
    }
  });
});
