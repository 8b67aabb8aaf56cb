/**
 * `ogcapi.declares-class`: the conformance declaration lists a class the standard recommends a
 * server to offer, e.g. geojson (/rec/core/geojson) or html (/rec/core/html). The check verifies
 * the one requirement it names.
 */
import { CLASS_NAMES, classUri, type ClassName } from '../../ogcapi/conformance-classes.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import type { OgcOptions } from './options.js';
import { declaredClasses } from './resources.js';

export type DeclaresClassOptions = OgcOptions & { declares: ClassName };

export const declaresClassKind = ogcKind<DeclaresClassOptions>({
  name: 'ogcapi.declares-class',
  description: 'The conformance declaration lists the given conformance class',
  properties: { declares: { enum: [...CLASS_NAMES] } },
  required: ['declares'],
  judge: async (context, options, check) => {
    const rule = check.verifies[0] ?? '';
    const judgement = new Judgement();
    const { classes, fetched } = await declaredClasses(context);
    const uri = classUri(options.declares);
    if (!classes)
      return judgement
        .undecided({ rule, code: 'conformance-unknown', message: 'konform could not read the conformance declaration', fetched })
        .output();
    if (!classes.includes(uri))
      judgement.violation({
        rule,
        code: 'class-not-declared',
        message: `conformsTo does not list ${uri}`,
        fetched,
        pointer: '/conformsTo',
      });
    return judgement.saw(fetched).output();
  },
});
