/**
 * The language of a requirement catalogue and its translations: `language` of the table (en
 * where absent) or of one requirement, `translations` by BCP 47 tag. The catalogue's schema
 * refuses unknown keys and malformed tags, at their file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStandard } from '../../src/core/load-standard.js';
import { pinStandard } from '../../src/core/pin-standard.js';
import { ERROR_CODES, KonformError } from '../../src/model/errors.js';
import { suiteWorkspace, type SuiteWorkspace } from '../helpers/suite-workspace.js';

const CATALOGUE_HEAD = 'requirements:\n';

describe('requirement catalogue languages', () => {
  let workspace: SuiteWorkspace | undefined;
  afterEach(() => workspace?.remove());

  /** A copy of the OParl 1.1 standard whose catalogue is changed by `change`, re-pinned. */
  async function loadEdited(change: (text: string) => string) {
    workspace = await suiteWorkspace('oparl-1.1', 'oparl/1.1');
    const file = join(workspace.standardDir, 'requirements.yaml');
    await workspace.edit(file, change);
    await pinStandard(workspace.standardDir, { write: true });
    return { file, load: () => loadStandard(workspace!.standardDir) };
  }

  async function refusal(change: (text: string) => string): Promise<{ error: KonformError; file: string }> {
    const { file, load } = await loadEdited(change);
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KonformError);
    expect((error as KonformError).code).toBe(ERROR_CODES.STANDARD_INVALID);
    return { error: error as KonformError, file };
  }

  /** The line of `file` that holds `needle`, 1-based. */
  const lineOf = (file: string, needle: string) => readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('gives the shipped OParl 1.1 catalogue English texts, each with a German translation', async () => {
    const standard = await loadStandard('standards/oparl/1.1');
    expect(standard.requirements.length).toBeGreaterThan(80);
    for (const requirement of standard.requirements) {
      expect(requirement.language, requirement.id).toBe('en');
      expect(requirement.translations?.['de'], requirement.id).toMatch(/\S/);
    }
    const stateless = standard.requirements.find((requirement) => requirement.id === 'OPARL-URL-STATELESS');
    expect(stateless?.translations?.['de']).toContain('Alle Zugriffe müssen zustandslos erfolgen können');
  });

  it('says which Schematron messages of the XBau and XRechnung catalogues are German', async () => {
    const xbau = await loadStandard('standards/xbau/2.6');
    for (const requirement of xbau.requirements) expect(requirement.language, requirement.id).toBe(requirement.class === 'rules' ? 'de' : 'en');
    const xrechnung = new Map((await loadStandard('standards/xrechnung/3.0')).requirements.map((requirement) => [requirement.id, requirement.language]));
    expect([...xrechnung.values()].filter((language) => language === 'de')).toHaveLength(50);
    expect([xrechnung.get('BR-DE-15'), xrechnung.get('BR-DE-27'), xrechnung.get('BR-DEX-10'), xrechnung.get('BR-TMP-CVD-01')]).toEqual(['de', 'de', 'de', 'de']);
    expect([xrechnung.get('BR-DEX-04'), xrechnung.get('BR-DEX-15'), xrechnung.get('BR-CO-10'), xrechnung.get('PEPPOL-EN16931-R001')]).toEqual(['en', 'en', 'en', 'en']);
  });

  it("takes the table's language for every requirement, and a requirement's own where it names one", async () => {
    const { load } = await loadEdited((text) =>
      text
        .replace(CATALOGUE_HEAD, `language: en-GB\n${CATALOGUE_HEAD}`)
        .replace('  - id: OPARL-URL-CANONICAL\n', '  - id: OPARL-URL-CANONICAL\n    language: en-US\n'),
    );
    const standard = await load();
    const languageOf = (id: string) => standard.requirements.find((requirement) => requirement.id === id)?.language;
    expect(languageOf('OPARL-URL-STATELESS')).toBe('en-GB');
    expect(languageOf('OPARL-URL-CANONICAL')).toBe('en-US');
  });

  it('refuses an unknown key of a requirement, at its file and line', async () => {
    const { error, file } = await refusal((text) => text.replace('  - id: OPARL-URL-CANONICAL\n', '  - id: OPARL-URL-CANONICAL\n    translation: { de: Kanonisch }\n'));
    expect(error.message).toContain('/requirements/1: unknown property "translation"');
    expect(error.location).toMatchObject({ file, line: lineOf(file, '- id: OPARL-URL-CANONICAL') });
  });

  it('refuses a malformed language tag of the table and of a translation, at their lines', async () => {
    const table = await refusal((text) => text.replace(CATALOGUE_HEAD, `language: de_DE\n${CATALOGUE_HEAD}`));
    expect(table.error.message).toMatch(/\/language: must match pattern/);
    expect(table.error.location).toMatchObject({ file: table.file, line: lineOf(table.file, 'language: de_DE') });

    const translation = await refusal((text) => text.replace('      de: >-\n', '      deutsch: >-\n'));
    expect(translation.error.message).toMatch(/\/requirements\/0\/translations: property name "deutsch" must match pattern/);
    expect(translation.error.location).toMatchObject({ file: translation.file, line: lineOf(translation.file, 'deutsch: >-') });
  });

  it("refuses a translation into the text's own language, at its line", async () => {
    const { error, file } = await refusal((text) => text.replace('      de: >-\n', '      en: >-\n'));
    expect(error.message).toContain('OPARL-URL-STATELESS: a translation into en, the language of its text');
    expect(error.location).toMatchObject({ file, line: lineOf(file, '      en: >-') });
  });
});
