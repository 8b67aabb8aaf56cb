/** The OASIS XML catalog subset konform uses to map absolute schemaLocations (XML Catalogs 1.1 §7). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../src/xml/catalog.js';
import { STANDARDS } from './xsd-support.js';

const CATALOG = '/standards/s/1/xsd/catalog.xml';

function catalogOf(entries: string) {
  return parseCatalog(Buffer.from(`<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">${entries}</catalog>`), CATALOG);
}

describe('XML catalog', () => {
  it('maps the XWasser schemaLocations onto external/', async () => {
    const file = join(STANDARDS, 'xwasser', '1.0.0', 'xsd', 'catalog.xml');
    const catalog = parseCatalog(await readFile(file), file);
    expect(catalog.resolve('http://xoev.de/schemata/code/1_0/xoev-code.xsd')).toBe(join(STANDARDS, 'xwasser', '1.0.0', 'xsd', 'external', 'xoev-code.xsd'));
    expect(catalog.resolve('http://xoev.de/schemata/code/1_0/other.xsd')).toBeUndefined();
  });

  it('prefers an exact entry, then the longest rewrite prefix, then the longest suffix', () => {
    const catalog = catalogOf(`
      <rewriteURI uriStartString="http://example.org/" rewritePrefix="short/"/>
      <rewriteURI uriStartString="http://example.org/schemas/" rewritePrefix="long/"/>
      <uri name="http://example.org/schemas/exact.xsd" uri="exact.xsd"/>
      <uriSuffix uriSuffix="/b.xsd" uri="suffix-short.xsd"/>
      <uriSuffix uriSuffix="/a/b.xsd" uri="suffix-long.xsd"/>`);
    expect(catalog.resolve('http://example.org/schemas/exact.xsd')).toBe('/standards/s/1/xsd/exact.xsd');
    expect(catalog.resolve('http://example.org/schemas/x/y.xsd')).toBe('/standards/s/1/xsd/long/x/y.xsd');
    expect(catalog.resolve('http://example.org/other.xsd')).toBe('/standards/s/1/xsd/short/other.xsd');
    expect(catalog.resolve('https://elsewhere.org/a/b.xsd')).toBe('/standards/s/1/xsd/suffix-long.xsd');
  });

  it('resolves targets against xml:base of groups and uses system entries after URI entries', () => {
    const catalog = catalogOf(`
      <group xml:base="../external/"><system systemId="http://example.org/s.xsd" uri="s.xsd"/></group>
      <uri name="http://example.org/both.xsd" uri="from-uri.xsd"/>
      <system systemId="http://example.org/both.xsd" uri="from-system.xsd"/>`);
    expect(catalog.resolve('http://example.org/s.xsd')).toBe('/standards/s/1/external/s.xsd');
    expect(catalog.resolve('http://example.org/both.xsd')).toBe('/standards/s/1/xsd/from-uri.xsd');
  });

  it('rejects a file that is not a catalog', () => {
    expect(() => parseCatalog(Buffer.from('<schema/>'), CATALOG)).toThrow(/not an OASIS XML catalog/);
    expect(() => parseCatalog(Buffer.from('<catalog'), CATALOG)).toThrow(/not well-formed/);
  });
});
