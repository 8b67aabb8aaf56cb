/**
 * The languages of the reports for people. German is the default: konform's reports go into
 * German tenders. The language is a choice of rendering; report.json is the same in every one.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { de } from './de.js';
import { en } from './en.js';
import type { Messages } from './messages.js';

export type { Messages, VerdictFacts } from './messages.js';

export const CATALOGUES = { de, en } as const satisfies Record<string, Messages>;
export type Language = keyof typeof CATALOGUES;
export const LANGUAGES = Object.keys(CATALOGUES) as Language[];
export const DEFAULT_LANGUAGE: Language = 'de';

/** How a report for people is rendered. */
export interface RenderOptions {
  lang?: Language;
}

function isLanguage(value: string): value is Language {
  return Object.hasOwn(CATALOGUES, value);
}

/** The language a flag or option names; a usage error for any other. */
export function languageFrom(value: string, where: string): Language {
  if (isLanguage(value)) return value;
  throw new KonformError(ERROR_CODES.USAGE, `${where} must be one of ${LANGUAGES.join(', ')}, got "${value}"`);
}

export function messagesFor(lang: Language = DEFAULT_LANGUAGE): Messages {
  return CATALOGUES[languageFrom(lang, 'the report language')];
}

/** "7 December 2026, 20:20:53 UTC" in the language; the ISO text where it is not a date. */
export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }).format(date)} UTC`;
}
