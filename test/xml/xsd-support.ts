/**
 * Test support for the XML kinds: a standard's schema folder as
 * pinned artifacts, and a scratch suite (well-formedness plus XSD checks) to run end to end.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { sha256 } from '../../src/core/sha256.js';
import type { Artifact } from '../../src/model/types.js';
import type { PinnedStandard } from '../../src/xml/xsd-inputs.js';

export const STANDARDS = join(PACKAGE_ROOT, 'standards');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
}

async function artifactsOf(dir: string, sub: string): Promise<Artifact[]> {
  const files = await filesUnder(join(dir, sub));
  return Promise.all(
    files.map(async (file) => ({ path: relative(dir, file), sha256: sha256(await readFile(file)), source: 'test', licence: 'test' })),
  );
}

/** The files under `dir/sub` as the pinned artifacts of a standard rooted at `dir`. */
export async function pinnedFolder(dir: string, sub = 'xsd'): Promise<PinnedStandard> {
  return { id: 'test', version: '1', dir, artifacts: await artifactsOf(dir, sub) };
}

export interface XsdCheck {
  id: string;
  schema: string;
  catalog?: string;
  match?: string[];
}

export interface ScratchSuite {
  suite: string;
  remove(): Promise<void>;
}

/** A suite `xml-test` over a standard whose `xsd/` is a copy of `xsdFolder`; `wellFormed` holds the options of its well-formedness check. */
export async function scratchSuite(xsdFolder: string | undefined, xsdChecks: XsdCheck[] = [], wellFormed: { maxBytes?: number } = {}): Promise<ScratchSuite> {
  const root = await mkdtemp(join(tmpdir(), 'konform-xml-'));
  const standardDir = join(root, 'standards', 'xml-test', '1.0');
  const suiteDir = join(root, 'suites', 'xml-test');
  await mkdir(suiteDir, { recursive: true });
  await mkdir(standardDir, { recursive: true });
  if (xsdFolder) await cp(xsdFolder, join(standardDir, 'xsd'), { recursive: true });
  const requirements = {
    requirements: [
      { id: 'XML-WF', class: 'syntax', level: 'MUST', text: 'The message is well-formed XML.', clause: 'https://www.w3.org/TR/xml/#sec-well-formed' },
      { id: 'XSD-VALID', class: 'schema', level: 'MUST', text: 'The message is schema-valid.', clause: 'https://www.w3.org/TR/xmlschema-1/' },
    ],
  };
  await writeFile(join(standardDir, 'requirements.yaml'), stringify(requirements));
  const artifacts = [
    { path: 'requirements.yaml', sha256: sha256(await readFile(join(standardDir, 'requirements.yaml'))), source: 'test', licence: 'test' },
    ...(xsdFolder ? await artifactsOf(standardDir, 'xsd') : []),
  ];
  await writeFile(join(standardDir, 'manifest.yaml'), stringify({ id: 'xml-test', version: '1.0', title: 'XML test standard', requirements: 'requirements.yaml', artifacts }));
  const classes = [
    { id: 'syntax', title: 'Well-formed', checks: [{ id: 'well-formed', title: 'Well-formed', kind: 'xml.well-formed', verifies: ['XML-WF'], options: wellFormed }] },
    ...(xsdChecks.length > 0
      ? [{ id: 'schema', title: 'Schema-valid', checks: xsdChecks.map(({ id, ...options }) => ({ id, title: id, kind: 'xml.xsd', verifies: ['XSD-VALID'], options })) }]
      : []),
  ];
  const suite = {
    id: 'xml-test',
    version: '1.0.0',
    title: 'XML test suite',
    standard: { id: 'xml-test', version: '1.0' },
    classes,
    profiles: [{ id: 'full', title: 'Everything', classes: classes.map((cls) => cls.id) }],
    defaultProfile: 'full',
  };
  await writeFile(join(suiteDir, 'suite.yaml'), stringify(suite));
  return { suite: suiteDir, remove: () => rm(root, { recursive: true, force: true }) };
}
