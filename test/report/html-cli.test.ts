/**
 * `--lang` of `konform validate` (and `run`, which shares the flag): report.html and summary.md
 * in German by default, in English with `--lang en`, report.json the same either way; another
 * language is a usage error before anything is written.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { XRECHNUNG_TESTSUITE } from '../../fixtures/xrechnung/instances.js';
import { runCli } from '../helpers/cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'konform-lang-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const invoice = async () => join(XRECHNUNG_TESTSUITE, (await readdir(XRECHNUNG_TESTSUITE, { recursive: true })).find((file) => file.endsWith('.xml'))!);

describe('--lang', () => {
  it('writes report.html and summary.md in German by default and in English with --lang en; report.json is the same', async () => {
    const file = await invoice();
    const [german, english] = [join(scratch, 'de'), join(scratch, 'en')];
    expect((await runCli(['validate', 'xrechnung-3.0', file, '--out', german])).code).toBe(0);
    expect((await runCli(['validate', 'xrechnung-3.0', file, '--out', english, '--lang', 'en'])).code).toBe(0);
    const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');
    expect(await read(german, 'report.html')).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
    expect(await read(german, 'summary.md')).toMatch(/^# konform: konform — /);
    expect(await read(english, 'report.html')).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(await read(english, 'summary.md')).toMatch(/^# konform: conformant — /);
    const timed = new Set(['startedAt', 'finishedAt', 'durationMs']);
    const neutral = (text: string) => JSON.parse(text, (key, value: unknown) => (timed.has(key) ? undefined : value)) as unknown;
    expect(neutral(await read(english, 'report.json'))).toEqual(neutral(await read(german, 'report.json')));
  }, 60_000);

  it('refuses a language it has no catalogue of (exit 2), before anything is written', async () => {
    const out = join(scratch, 'fr');
    const cli = await runCli(['validate', 'xrechnung-3.0', await invoice(), '--out', out, '--lang', 'fr']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--lang must be one of de, en, got "fr"');
    expect(existsSync(out)).toBe(false);
  });
});
