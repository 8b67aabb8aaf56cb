/**
 * The languages of a requirement catalogue: its texts are in the language the table names
 * (`language`, a BCP 47 tag), English where it names none, or in the language a requirement
 * names for itself (a German Schematron message in an English catalogue); `translations` gives
 * the catalogue's own translations of a text, by tag. A translation into the text's own
 * language (or a variant of it) would never be shown, and is refused.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { inLanguage } from '../model/language-tags.js';
import type { Requirement } from '../model/types.js';
import { childPointer } from './json-pointer.js';
import type { YamlSource } from './yaml-source.js';

/** The language of a catalogue that names none: konform's catalogues paraphrase in English. */
const DEFAULT_CATALOGUE_LANGUAGE = 'en';

/** A requirement catalogue as its schema (requirements.schema.json) allows it. */
export interface Catalogue {
  language?: string;
  requirements: Requirement[];
}

/** The catalogue's requirements, each with the language of its text. */
export function requirementsWithLanguage(catalogue: Catalogue, source: YamlSource): Requirement[] {
  const tableLanguage = catalogue.language ?? DEFAULT_CATALOGUE_LANGUAGE;
  return catalogue.requirements.map((requirement, index) => {
    const language = requirement.language ?? tableLanguage;
    const own = Object.keys(requirement.translations ?? {}).find((tag) => inLanguage(tag, language));
    if (own !== undefined) {
      throw new KonformError(
        ERROR_CODES.STANDARD_INVALID,
        `requirement ${requirement.id}: a translation into ${own}, the language of its text`,
        source.locate(childPointer('/requirements', index, 'translations', own)),
      );
    }
    return { ...requirement, language };
  });
}
