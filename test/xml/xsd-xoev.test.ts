/**
 * XSD validation of the XÖV standards as konform ships them (standards/<id>/<version>, every
 * schema pinned in the manifest), calling the validator directly: XWasser through its XML catalog (the stale monitoring plan fails with exactly its
 * three known defects), the xdomea samples, every XBau message schema; and the limits of the
 * resolver: nothing outside the standard's pinned files is read.
 */
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStandard } from '../../src/core/load-standard.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Finding } from '../../src/model/types.js';
import { compileStandardXsd, type StandardSchema } from '../../src/xml/xsd-standard.js';
import { validateXmlFile } from '../../src/xml/xsd-file.js';
import type { PinnedStandard } from '../../src/xml/xsd-inputs.js';
import { pinnedFolder, STANDARDS } from './xsd-support.js';

const XOEV = join(PACKAGE_ROOT, 'fixtures', 'xoev');
const scratches: string[] = [];
afterAll(() => Promise.all(scratches.map((dir) => rm(dir, { recursive: true, force: true }))));

async function validate(standard: PinnedStandard, schema: StandardSchema, files: string[]): Promise<Map<string, Finding[]>> {
  const xsd = compileStandardXsd(standard, schema);
  const findings = new Map<string, Finding[]>();
  try {
    for (const file of files) findings.set(basename(file), validateXmlFile(xsd, file).findings);
  } finally {
    xsd.dispose();
  }
  return findings;
}

/** A copy of a standard's schema folder in which `change` may break something. */
async function scratchStandard(from: string, change: (dir: string) => Promise<void>): Promise<PinnedStandard> {
  const dir = await mkdtemp(join(tmpdir(), 'konform-xsd-standard-'));
  scratches.push(dir);
  await cp(join(from, 'xsd'), join(dir, 'xsd'), { recursive: true });
  await change(dir);
  return pinnedFolder(dir);
}

describe('XSD validation of XÖV messages', () => {
  const xwasser = join(STANDARDS, 'xwasser', '1.0.0');
  const xwasserSchema = { schema: 'xsd/xwasser.xsd', catalog: 'xsd/catalog.xml' };

  it('XWasser via the catalog: two samples valid, the stale monitoring plan with exactly its three defects', async () => {
    const messages = join(XOEV, 'xwasser');
    const files = (await readdir(messages)).map((name) => join(messages, name));
    const findings = await validate(await loadStandard(xwasser), xwasserSchema, files);
    expect(findings.get('quality_report_minimal.xml')).toEqual([]);
    expect(findings.get('administration_receipt.xml')).toEqual([]);
    const defects = findings.get('monitoring_plan_minimal.xml') ?? [];
    expect(defects.map((finding) => [finding.severity, finding.location?.line, finding.message])).toEqual([
      ['error', 74, expect.stringMatching(/^Element 'xwas:probennahmestelleKategorie': This element is not expected\./)],
      ['error', 101, "Element 'xwas:artAnlage', attribute 'listVersionID': The value '1' does not match the fixed value constraint '2'."],
      ['error', 119, "Element 'xwas:kategorieProbennahmestelle', attribute 'listVersionID': The value '2' does not match the fixed value constraint '3'."],
    ]);
    expect(defects[1]?.location?.xpath).toBe('/xwas:vorgang.transportieren.2010/xwas:vorgang/xwas:vorgangType/xwas:untersuchungsplan/xwas:anlageNachTrinkwV/xwas:artAnlage');
  });

  it('xdomea: the Landesarchiv Thüringen samples are valid', async () => {
    const messages = join(XOEV, 'xdomea');
    const files = (await readdir(messages)).map((name) => join(messages, name));
    const findings = await validate(await loadStandard(join(STANDARDS, 'xdomea', '3.0.0')), { schema: 'xsd/xdomea_3.0.0/xdomea.xsd' }, files);
    expect([...findings.values()]).toEqual([[], []]);
  });

  it('XBau: every message schema compiles from the pinned folder', async () => {
    const xbau = join(STANDARDS, 'xbau', '2.6');
    const standard = await loadStandard(xbau);
    const schemas = (await readdir(join(xbau, 'xsd'))).filter((name) => name.startsWith('xbau-nachrichten-'));
    expect(schemas.length).toBeGreaterThan(20);
    for (const name of schemas) compileStandardXsd(standard, { schema: `xsd/${name}` }).dispose();
  });

  it('refuses an absolute schemaLocation the catalog does not map, and never fetches it', async () => {
    const standard = await scratchStandard(xwasser, (dir) =>
      writeFile(join(dir, 'xsd', 'catalog.xml'), '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>'),
    );
    expect(() => compileStandardXsd(standard, xwasserSchema)).toThrow(
      /refused http:\/\/xoev\.de\/schemata\/.*not mapped to a local copy by the XML catalog.*never fetches schemas/,
    );
  });

  it('refuses a catalog target outside the pinned artifacts', async () => {
    const standard = await scratchStandard(xwasser, (dir) =>
      writeFile(
        join(dir, 'xsd', 'catalog.xml'),
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"><rewriteURI uriStartString="http://xoev.de/" rewritePrefix="../../elsewhere/"/></catalog>',
      ),
    );
    expect(() => compileStandardXsd(standard, xwasserSchema)).toThrow(/elsewhere.*is not a pinned artifact/);
  });

  it('refuses a schema file changed after it was pinned', async () => {
    const standard = await loadStandard(xwasser);
    const scratch = await mkdtemp(join(tmpdir(), 'konform-xsd-changed-'));
    scratches.push(scratch);
    await cp(join(xwasser, 'xsd'), join(scratch, 'xsd'), { recursive: true });
    await writeFile(join(scratch, 'xsd', 'external', 'xoev-code.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    expect(() => compileStandardXsd({ ...standard, dir: scratch }, xwasserSchema)).toThrow(
      /xsd\/external\/xoev-code\.xsd does not match the sha256 pinned/,
    );
  });
});
