/**
 * The hostile-XML battery: every attack ends as a failed `xml.well-formed` check with a
 * finding that says what happened — never a crash, a hang (vitest's timeout) or a pass; a file
 * over the size limit, refused unread, is one konform cannot tell about.
 * Runs through the library entry point, as `konform validate` does.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { run } from '../../src/run/run.js';
import type { Finding } from '../../src/model/types.js';
import { KOSIT_VALIDATOR_INSTANCES } from '../../fixtures/xrechnung/instances.js';
import { scratchSuite, type ScratchSuite } from './xsd-support.js';

const HOSTILE = join(PACKAGE_ROOT, 'fixtures', 'hostile-xml');
const KOSIT = join(KOSIT_VALIDATOR_INSTANCES, 'instances');

let suite: ScratchSuite;
let scratch: string;

beforeAll(async () => {
  suite = await scratchSuite(undefined);
  scratch = await mkdtemp(join(tmpdir(), 'konform-hostile-'));
});
afterAll(async () => {
  await suite.remove();
  await rm(scratch, { recursive: true, force: true });
});

/** Checks one file for well-formedness; returns the outcome and findings of its result. */
async function wellFormed(file: string): Promise<{ outcome: string; findings: Finding[] }> {
  const report = await run({ suite: suite.suite, target: { files: [file] } });
  const [result] = report.results;
  return { outcome: result?.outcome ?? 'missing', findings: result?.findings ?? [] };
}

async function generated(name: string, text: string): Promise<string> {
  const file = join(scratch, name);
  await writeFile(file, text);
  return file;
}

describe('hostile XML ends as a finding', () => {
  it('a BMP image named .xml is not XML', async () => {
    const { outcome, findings } = await wellFormed(join(KOSIT, 'bin001.xml'));
    expect(outcome).toBe('failed');
    expect(findings).toEqual([expect.objectContaining({ code: 'not-xml', severity: 'error', location: expect.objectContaining({ line: 1, column: 1 }) })]);
    expect(findings[0]?.message).toContain('42 4d');
  });

  it('a truncated invoice fails at its end', async () => {
    const { outcome, findings } = await wellFormed(join(KOSIT, 'ubl007.xml'));
    expect(outcome).toBe('failed');
    expect(findings[0]).toMatchObject({ code: 'not-well-formed', severity: 'error', location: { line: 536, column: 1 } });
    expect(findings[0]?.message).toMatch(/Premature end of data in tag Invoice/);
  });

  it.each([
    ['xxe-file.xml', 'file:///etc/passwd'],
    ['xxe-relative.xml', 'package.json'],
    ['xxe-http.xml', 'http://127.0.0.1:9/secret'],
    ['xxe-parameter.xml', 'https://127.0.0.1:9/evil.dtd'],
  ])('%s: the external entity is refused, not loaded', async (name, uri) => {
    const { outcome, findings } = await wellFormed(join(HOSTILE, name));
    expect(outcome).toBe('failed');
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding).toMatchObject({ code: 'external-resource-refused', severity: 'error' });
      expect(finding.message).toContain(uri);
    }
    expect(JSON.stringify(findings)).not.toContain('root:x:0:0');
  });

  it('billion laughs is refused by the amplification limit', async () => {
    const { outcome, findings } = await wellFormed(join(HOSTILE, 'billion-laughs.xml'));
    expect(outcome).toBe('failed');
    expect(findings[0]).toMatchObject({ code: 'entity-expansion-refused', severity: 'error' });
  });

  it('quadratic blow-up is refused by the amplification limit', async () => {
    const big = 'x'.repeat(100_000);
    const file = await generated('quadratic.xml', `<!DOCTYPE q [<!ENTITY big "${big}">]>\n<q>${'&big;'.repeat(100_000)}</q>\n`);
    const { outcome, findings } = await wellFormed(file);
    expect(outcome).toBe('failed');
    expect(findings[0]).toMatchObject({ code: 'entity-expansion-refused', severity: 'error', location: { line: 2 } });
  });

  it('100 000-deep nesting stops at 256 levels', async () => {
    const file = await generated('deep.xml', `${'<d>'.repeat(100_000)}${'</d>'.repeat(100_000)}`);
    const { outcome, findings } = await wellFormed(file);
    expect(outcome).toBe('failed');
    expect(findings).toEqual([expect.objectContaining({ code: 'too-deep', severity: 'error', location: expect.objectContaining({ line: 1, column: 771 }) })]);
    expect(findings[0]?.message).toContain('256');
  });

  it('a 200 MB file is refused unread: konform cannot tell, by any check of the file', async () => {
    const file = join(scratch, 'huge.xml');
    const out = createWriteStream(file);
    const chunk = `<item>${'y'.repeat(1024 * 1024 - 13)}</item>`;
    out.write('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">');
    for (let i = 0; i < 200; i += 1) if (!out.write(chunk)) await once(out, 'drain');
    out.end('</Invoice>');
    await once(out, 'finish');
    const { outcome, findings } = await wellFormed(file);
    expect(outcome).toBe('cantTell');
    expect(findings).toEqual([expect.objectContaining({ code: 'file-too-large', params: expect.objectContaining({ maxBytes: 100 * 1024 * 1024 }) })]);
    const report = await run({ suite: 'xrechnung-3.0', target: { files: [file] } });
    const outcomes = Object.fromEntries(report.results.map((result) => [result.check, result.outcome]));
    expect(outcomes).toMatchObject({ 'well-formed': 'cantTell', scenario: 'cantTell', 'xsd-ubl-invoice': 'cantTell', 'cen-ubl': 'cantTell', 'xrechnung-ubl': 'cantTell' });
    expect(report.results.find((result) => result.check === 'xsd-ubl-invoice')?.findings[0]?.message).toMatch(/too large/);
    expect(report.exitCode).toBe(3);
    await rm(file);
  });
});

describe('the size limit (option maxBytes)', () => {
  it('makes a larger file one konform cannot tell about, naming the limit: inconclusive, exit 3', async () => {
    const small = await scratchSuite(undefined, [], { maxBytes: 100 });
    try {
      const file = await generated('over-100-bytes.xml', `<a>${'x'.repeat(200)}</a>`);
      const report = await run({ suite: small.suite, target: { files: [file] } });
      expect(report.results).toEqual([
        expect.objectContaining({ outcome: 'cantTell', findings: [expect.objectContaining({ code: 'file-too-large', message: expect.stringMatching(/too large.*limit of 100 bytes/) })] }),
      ]);
      expect(report.verdict).toBe('inconclusive');
      expect(report.exitCode).toBe(3);
    } finally {
      await small.remove();
    }
  });
});
