/**
 * `konform report <dir or report.json>`: renders the formats again from the report.json of a
 * real run — the same files the run wrote, into another folder or beside report.json — and
 * passes the language to the formats; a file that is no valid report, an unknown format or
 * language and a signed folder are usage errors (exit 2) that say what is wrong.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { CliIo } from '../../src/cli/io.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { runCli } from '../helpers/cli.js';
import { KOSIT_INSTANCES } from '../report/real-runs.js';

/** The formats compared byte for byte with the run's own files. */
const RENDERED = ['md', 'junit', 'earl', 'sarif'] as const;

let scratch: string;
let run: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'konform-report-'));
  run = join(scratch, 'run');
  const validate = await runCli(['validate', 'xrechnung-3.0', relative(PACKAGE_ROOT, KOSIT_INSTANCES), '--out', run]);
  expect(validate.code).toBe(1);
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

const read = (folder: string, format: (typeof RENDERED)[number]) => readFile(join(folder, REPORT_FORMATS[format]!.file), 'utf8');

describe('konform report', () => {
  it('renders the same files as the run from its report.json, into --out', async () => {
    const out = join(scratch, 'again');
    const cli = await runCli(['report', run, '--format', 'md,junit', '--format', 'earl', '--format', 'sarif', '--out', out]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim().split('\n')).toEqual(RENDERED.map((format) => join(out, REPORT_FORMATS[format]!.file)));
    for (const format of RENDERED) expect(await read(out, format), format).toBe(await read(run, format));
    const sarif = JSON.parse(await read(out, 'sarif')) as { runs: Array<{ results: Array<{ locations?: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = sarif.runs[0]!.results.map((result) => result.locations?.[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toContain('fixtures/xrechnung/instances/validator-configuration/instances/bin001.xml');
  });

  it('writes every format but report.json beside the report.json it is given', async () => {
    const folder = join(scratch, 'beside');
    await cp(run, folder, { recursive: true });
    await rm(join(folder, 'report.sarif'));
    const reportJson = await readFile(join(folder, 'report.json'), 'utf8');
    const cli = await runCli(['report', join(folder, 'report.json')]);
    expect(cli.code).toBe(0);
    const names = Object.keys(REPORT_FORMATS).filter((name) => name !== 'json');
    expect(cli.stdout.trim().split('\n')).toEqual(names.map((name) => join(folder, REPORT_FORMATS[name]!.file)));
    expect(await read(folder, 'sarif')).toBe(await read(run, 'sarif'));
    expect(await readFile(join(folder, 'report.json'), 'utf8')).toBe(reportJson);
  });

  it('passes --lang to the formats', async () => {
    REPORT_FORMATS['lang-probe'] = { file: 'lang.txt', render: (_report, options) => [options?.lang ?? 'none'] };
    try {
      const out = join(scratch, 'lang');
      let printed = '';
      const io = { stdout: { write: (text: string) => (printed += text) }, cwd: scratch } as unknown as CliIo;
      expect(await reportCommand(run, { format: ['lang-probe'], lang: 'en', out }, io)).toBe(0);
      expect(printed).toBe(`${join(out, 'lang.txt')}\n`);
      expect(await readFile(join(out, 'lang.txt'), 'utf8')).toBe('en');
      await reportCommand(run, { format: ['lang-probe'], out }, io);
      expect(await readFile(join(out, 'lang.txt'), 'utf8')).toBe('none');
    } finally {
      delete REPORT_FORMATS['lang-probe'];
    }
  });

  it('names the file and what is wrong when it is no valid report, and exits 2', async () => {
    const noJson = join(scratch, 'no-json.json');
    await writeFile(noJson, '{"reportVersion": "1.0",');
    const broken = await runCli(['report', noJson, '--out', join(scratch, 'unused')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(new RegExp(`^konform: KONFORM_ERR_REPORT_INVALID: ${noJson}: is no JSON: `));

    const invalid = join(scratch, 'invalid.json');
    const { verdict: _verdict, ...withoutVerdict } = JSON.parse(await readFile(join(run, 'report.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(invalid, JSON.stringify({ ...withoutVerdict, counts: { passed: -1 } }));
    const cli = await runCli(['report', invalid, '--out', join(scratch, 'unused')]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`${invalid}: is no valid konform report (report.schema.json): /: must have required property 'verdict'`);
    expect(cli.stderr).toContain('/counts: must have required property');

    const missing = await runCli(['report', join(scratch, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(scratch, 'nowhere')}: no such file or folder`);
  });

  it('refuses an unknown format or language, and a signed folder, with exit 2', async () => {
    const format = await runCli(['report', run, '--format', 'sarf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unknown format "sarf" (did you mean "sarif"');
    const lang = await runCli(['report', run, '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang must be one of de, en, got "fr"');
    const signed = join(scratch, 'signed');
    await cp(run, signed, { recursive: true });
    await writeFile(join(signed, 'attestation.json'), '{}');
    const refused = await runCli(['report', signed, '--format', 'md']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`konform: KONFORM_ERR_USAGE: ${signed}: the folder is signed (attestation.json): files written there would break its attestation; give another --out\n`);
  });
});
