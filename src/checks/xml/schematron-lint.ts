/**
 * `suite lint` for an `xml.schematron` check: its Schematron compiles, and the rules it can
 * decide are the IDs of the assertions of its active phase (ISO/IEC 19757-3 §5.4.2, `@id` of
 * `assert` and `report`); of a precompiled stylesheet (`xslt`), the IDs of the assertions of
 * the rules konform reads from it (stylesheet-rules.ts).
 */
import { artifactReader } from '../../core/artifact-read.js';
import { isKonformError } from '../../model/errors.js';
import type { Standard } from '../../model/types.js';
import type { KindLint } from '../types.js';
import type { SchematronOptions } from './schematron.js';

export async function lintSchematron(options: SchematronOptions, standard: Standard): Promise<KindLint> {
  const read = artifactReader(standard);
  try {
    if (!options.schematron) {
      const { stylesheetOf } = await import('../../xml/schematron/stylesheet.js');
      const { assertionsByRule } = await stylesheetOf({ xslt: options.xslt ?? '' }, read);
      return { problems: [], decidableRules: new Set([...assertionsByRule.values()].flat()) };
    }
    const { compileSchematron } = await import('../../xml/schematron/compile.js');
    const { assertions } = await compileSchematron(options.schematron, read, options.phase ? { phase: options.phase } : {});
    return { problems: [], decidableRules: new Set(assertions.flatMap((assertion) => (assertion.id === undefined ? [] : [assertion.id]))) };
  } catch (error) {
    if (!isKonformError(error)) throw error;
    return { problems: [{ option: options.schematron ? 'schematron' : 'xslt', message: error.describe() }] };
  }
}
