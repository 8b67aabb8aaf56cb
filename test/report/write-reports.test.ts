import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { validateReport } from '../../src/report/validate-report.js';
import { writeReports } from '../../src/report/write-reports.js';
import { sampleReport } from '../helpers/sample-report.js';
import { parseXml } from './xml-parse.js';

const SECRET = 'tok-3f9a|c0ffee';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'konform-reports-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function reportWithSecret() {
  const report = sampleReport();
  report.exchanges[0]!.request.headers['x-api-key'] = SECRET;
  report.results[1]!.findings[0]!.message = `token ${SECRET} was echoed`;
  return report;
}

describe('writeReports', () => {
  it('creates the folder and writes every format, nothing else; summary.md and report.html in German', async () => {
    const outDir = join(dir, 'run', '1');
    const paths = await writeReports(sampleReport(), outDir);
    const files = ['report.json', 'junit.xml', 'summary.md', 'report.html', 'report.earl.jsonld', 'report.sarif'];
    expect(paths).toEqual(files.map((file) => join(outDir, file)));
    expect((await readdir(outDir)).sort()).toEqual([...files].sort());
    const json = JSON.parse(await readFile(paths[0]!, 'utf8')) as unknown;
    expect(json).toEqual(sampleReport());
    expect(validateReport(json)).toEqual([]);
    expect(parseXml(await readFile(paths[1]!, 'utf8')).attributes['failures']).toBe('1');
    expect(await readFile(paths[2]!, 'utf8')).toMatch(/^# konform: nicht konform/);
    expect(await readFile(paths[3]!, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
  });

  it('writes summary.md and report.html in the language it is given, report.json the same in every language', async () => {
    const [json, , summary, html] = await writeReports(sampleReport(), join(dir, 'run', 'en'), { render: { lang: 'en' } });
    expect(await readFile(summary!, 'utf8')).toMatch(/^# konform: not conformant/);
    expect(await readFile(html!, 'utf8')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(JSON.parse(await readFile(json!, 'utf8'))).toEqual(sampleReport());
  });

  it('writes the values it is given, never replacing text in what it rendered', async () => {
    const paths = await writeReports(reportWithSecret(), dir);
    for (const path of paths) expect(await readFile(path, 'utf8'), path).toContain('tok-3f9a');
  });

  it('writes only the formats asked for and replaces earlier files', async () => {
    await writeFile(join(dir, 'junit.xml'), 'old');
    expect(await writeReports(sampleReport(), dir, { formats: ['junit'] })).toEqual([join(dir, 'junit.xml')]);
    expect(await readdir(dir)).toEqual(['junit.xml']);
    expect(await readFile(join(dir, 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('rejects an unknown format before writing anything', async () => {
    const attempt = writeReports(sampleReport(), dir, { formats: ['json', 'pdf', 'toString'] });
    await expect(attempt).rejects.toThrow(KonformError);
    await expect(attempt).rejects.toMatchObject({ code: ERROR_CODES.USAGE, message: expect.stringContaining('"pdf"') });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a folder it cannot write to with OUTPUT_UNWRITABLE', async () => {
    await writeFile(join(dir, 'file'), '');
    await expect(writeReports(sampleReport(), join(dir, 'file', 'out'))).rejects.toMatchObject({
      code: ERROR_CODES.OUTPUT_UNWRITABLE,
    });
  });
});
