/**
 * A requirement's text as a report for people shows it. Texts stay in the language of the
 * standard's catalogue, with the catalogue's own translation where it gives one: a report shows
 * the text where it is in the report's language, else the translation into that language, else
 * the text as written. `lang` names the language of what is shown where it differs from the
 * report's, for formats that mark it (HTML `lang`, WCAG 2.2 SC 3.1.2 Language of Parts); it is
 * absent where the report does not say the text's language (older reports).
 */
import { inLanguage } from '../model/language-tags.js';
import type { RequirementResult } from '../model/report.js';
import type { Language } from './i18n/index.js';

export interface ShownText {
  text: string;
  /** Its BCP 47 tag, where it is not the report's language. */
  lang?: string;
}

function shown(text: string, language: string | undefined, reportLanguage: Language): ShownText {
  return language === undefined || inLanguage(language, reportLanguage) ? { text } : { text, lang: language };
}

/** The requirement's text in the report's language where the catalogue has it so, else as written. */
export function requirementText(requirement: RequirementResult, reportLanguage: Language): ShownText {
  const { textLanguage } = requirement;
  if (textLanguage === undefined || !inLanguage(textLanguage, reportLanguage)) {
    const translation = Object.entries(requirement.translations ?? {}).find(([tag]) => inLanguage(tag, reportLanguage));
    if (translation) return { text: translation[1] };
  }
  return shown(requirement.text, textLanguage, reportLanguage);
}

/** Why konform cannot test the requirement, where it cannot: in the language of the requirement's text. */
export function notTestableText(requirement: RequirementResult, reportLanguage: Language): ShownText | undefined {
  return requirement.notTestable === undefined ? undefined : shown(requirement.notTestable, requirement.textLanguage, reportLanguage);
}
