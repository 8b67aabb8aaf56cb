/**
 * The catalogue of finding codes is the one place codes are defined: the type of
 * `Finding.code` holds every producer to it at compile time, and this test holds the
 * catalogue to the producers: no entry that nothing produces, and each says what it means.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/model/finding-codes.js';
import { runCli } from '../helpers/cli.js';

const SRC = resolve(import.meta.dirname, '../../src');
const CATALOGUE = join(SRC, 'model', 'finding-codes.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the catalogue of finding codes', () => {
  it('lists only codes some module produces, each kebab-case with a meaning', () => {
    const text = sources(SRC)
      .filter((file) => file !== CATALOGUE)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unproduced = Object.keys(FINDING_CODES).filter((code) => !text.includes(`'${code}'`));
    expect(unproduced).toEqual([]);
    for (const [code, meaning] of Object.entries(FINDING_CODES)) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(meaning.length, code).toBeGreaterThan(10);
    }
  });

  it('is printed by konform codes, as text and JSON, and names close matches of an unknown code', async () => {
    const listed = await runCli(['codes']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^status-undocumented +the response status is not documented for the operation$/m);
    const json = await runCli(['codes', 'transport-failure', '--json']);
    expect(JSON.parse(json.stdout)).toEqual([{ code: 'transport-failure', meaning: FINDING_CODES['transport-failure'] }]);
    const unknown = await runCli(['codes', 'status-undocumentd']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no finding code "status-undocumentd" (did you mean "status-undocumented"?)');
  });
});
