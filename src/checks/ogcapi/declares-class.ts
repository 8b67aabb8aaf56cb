/**
 * `ogcapi.declares-class`: the conformance declaration lists a class the standard recommends a
 * server to offer: geojson (/rec/core/geojson) or html (/rec/core/html), the one requirement it decides.
 */
import { classUri } from '../../ogcapi/conformance-classes.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import type { OgcOptions } from './options.js';
import { declaredClasses } from './resources.js';

/** The encoding classes Part 1 recommends to offer, each with its recommendation. */
const RECOMMENDED = { geojson: '/rec/core/geojson', html: '/rec/core/html' } as const;

export type DeclaresClassOptions = OgcOptions & { declares: keyof typeof RECOMMENDED };

export const declaresClassKind = ogcKind<DeclaresClassOptions>({
  name: 'ogcapi.declares-class',
  description: 'The conformance declaration lists the given conformance class',
  properties: { declares: { enum: Object.keys(RECOMMENDED) } },
  required: ['declares'],
  rules: (options) => [RECOMMENDED[options.declares]],
  judge: async (context, options) => {
    const rule = RECOMMENDED[options.declares];
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
