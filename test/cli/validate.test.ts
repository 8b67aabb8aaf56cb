import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XRECHNUNG_TESTSUITE as INSTANCES } from '../../fixtures/xrechnung/instances.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';

const UBL = join(INSTANCES, 'business-cases', 'standard', '01.02a-INVOICE_ubl.xml');
const CII = join(INSTANCES, 'business-cases', 'standard', '01.02a-INVOICE_uncefact.xml');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-validate-'));
  await mkdir(join(dir, 'in', 'nested'), { recursive: true });
  await symlink(UBL, join(dir, 'in', 'invoice.xml'));
  await symlink(UBL, join(dir, 'in', 'same-invoice.xml'));
  await symlink(CII, join(dir, 'in', 'nested', 'invoice-cii.XML'));
  await symlink(join(dir, 'in'), join(dir, 'in', 'nested', 'loop'));
  await writeFile(join(dir, 'broken.xml'), '<Invoice><unclosed></Invoice>');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reportOf = async (out: string): Promise<Report> => JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;

describe('konform validate', () => {
  it('validates each file of a folder once, following links and surviving a link cycle', async () => {
    const out = join(dir, 'out-folder');
    const run = await runCli(['validate', 'xrechnung-3.0', join(dir, 'in'), '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = await reportOf(out);
    expect(report.target.files).toEqual([join(dir, 'in', 'invoice.xml'), join(dir, 'in', 'nested', 'invoice-cii.XML')]);
    expect(report.verdict).toBe('conformant');
  });

  it('exits 1 for a file that is not well-formed, naming it', async () => {
    const out = join(dir, 'out-broken');
    const run = await runCli(['validate', 'xrechnung-3.0', join(dir, '*.xml'), '--out', out]);
    expect(run.code).toBe(1);
    const failed = (await reportOf(out)).results.filter((result) => result.outcome === 'failed');
    expect(failed.map((result) => result.check)).toEqual(['well-formed', 'scenario']);
    expect(failed[0]?.subject?.id).toBe(join(dir, 'broken.xml'));
  });

  it('exits 2 when a name matches no file', async () => {
    const run = await runCli(['validate', 'xrechnung-3.0', join(dir, 'nothing-here', '*.xml')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no message file matches');
  });
});
