import { describe, expect, it } from 'vitest';
import { CATALOGUES, DEFAULT_LANGUAGE, LANGUAGES, languageFrom, messagesFor } from '../../src/report/i18n/index.js';
import { ERROR_CODES } from '../../src/model/errors.js';

/** Every key path of a catalogue, functions as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** The arguments of a catalogue function for a sample count; numbers serve where a function takes text. */
function sampleArguments(path: string, arity: number, count: number): unknown[] {
  if (path.startsWith('verdictSentence.')) return [{ standard: 'S', profile: 'p', failedRequirements: count, causes: ['c'] }];
  if (path === 'entry.findingsAt') return [count, count, 'url'];
  return Array.from({ length: arity }, () => count);
}

/** Every text a catalogue gives, its functions called for the counts 0, 1 and 1234. */
function texts(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') return [0, 1, 1234].map((count) => String(value(...sampleArguments(path, value.length, count))));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
  return [];
}

describe('the message catalogues', () => {
  it('are German and English, German by default', () => {
    expect(LANGUAGES).toEqual(['de', 'en']);
    expect(DEFAULT_LANGUAGE).toBe('de');
    expect(messagesFor()).toBe(CATALOGUES.de);
    expect(messagesFor('en').verdict.notConformant).toBe('not conformant');
    expect(messagesFor('de').verdict.notConformant).toBe('nicht konform');
  });

  it('have exactly the same keys', () => {
    expect(keyPaths(CATALOGUES.de).sort()).toEqual(keyPaths(CATALOGUES.en).sort());
  });

  it('give plain text that every format can use as it is: no markup character of HTML or Markdown', () => {
    for (const lang of LANGUAGES) {
      const all = texts(CATALOGUES[lang]);
      expect(all.length).toBeGreaterThan(100);
      expect(all.filter((text) => /[<>&*_`[\]|#\\]/.test(text)), lang).toEqual([]);
    }
  });

  it('count in the language: plurals and thousands', () => {
    expect(CATALOGUES.de.entry.findingsAt(1, 1, 'file')).toBe('1 Befund in 1 Datei');
    expect(CATALOGUES.de.entry.findingsAt(1234, 300, 'url')).toBe('1.234 Befunde unter 300 URLs');
    expect(CATALOGUES.en.entry.findingsAt(1234, 1, 'operation')).toBe('1,234 findings on 1 operation');
  });

  it('refuses a language it has no catalogue of, as a usage error naming the choices', () => {
    expect(languageFrom('en', '--lang')).toBe('en');
    expect(() => languageFrom('fr', '--lang')).toThrow(expect.objectContaining({ code: ERROR_CODES.USAGE, message: '--lang must be one of de, en, got "fr"' }));
  });
});
