/** How XSD validation errors read: prefixed names where the message declares them, every error kept. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { parseXml } from '../../src/xml/parse.js';
import { compileStandardXsd } from '../../src/xml/xsd-standard.js';
import type { XsdSchema } from '../../src/xml/xsd.js';
import { pinnedFolder } from './xsd-support.js';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test" xmlns="urn:test" elementFormDefault="qualified">
  <xs:element name="list"><xs:complexType><xs:sequence>
    <xs:element name="item" type="xs:int" maxOccurs="unbounded"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;

let dir: string;
let schema: XsdSchema;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-xsd-findings-'));
  await mkdir(join(dir, 'xsd'));
  await writeFile(join(dir, 'xsd', 'list.xsd'), SCHEMA);
  schema = compileStandardXsd(await pinnedFolder(dir), { schema: 'xsd/list.xsd' });
});
afterAll(async () => {
  schema.dispose();
  await rm(dir, { recursive: true, force: true });
});

function validate(text: string): Finding[] {
  const parsed = parseXml(Buffer.from(text), 'list.xml');
  if (!parsed.document) throw new Error('not well-formed');
  try {
    return schema.validate(parsed.document, 'list.xml');
  } finally {
    parsed.document.dispose();
  }
}

describe('XSD findings', () => {
  it('names elements with the prefixes the message declares', () => {
    const findings = validate('<t:list xmlns:t="urn:test"><t:item>x</t:item></t:list>');
    expect(findings).toEqual([
      {
        code: 'xsd-invalid',
        message: "Element 't:item': 'x' is not a valid value of the atomic type 'xs:int'.",
        severity: 'error',
        location: { file: 'list.xml', line: 1, xpath: '/t:list/t:item' },
      },
    ]);
  });

  it('keeps the namespace of an element in a namespace the message does not declare on its root', () => {
    const [finding] = validate('<list xmlns="urn:test"><item xmlns="urn:wrong">1</item></list>');
    expect(finding?.message).toBe("Element '{urn:wrong}item': This element is not expected. Expected is ( item ).");
  });

  it('keeps every error of a file', () => {
    const findings = validate(`<list xmlns="urn:test">\n${'<item>x</item>\n'.repeat(150)}</list>`);
    expect(findings).toHaveLength(150);
    expect(findings.every((finding) => finding.code === 'xsd-invalid')).toBe(true);
    expect(findings[149]).toMatchObject({ location: { line: 151 } });
  });
});
