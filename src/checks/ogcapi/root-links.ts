/**
 * `ogcapi.root-links` (a recommendation the standard numbers /req/core/root-links): the landing
 * page links itself (`self`) and its other declared encodings (`alternate`).
 */
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { declaredEncodings, expectLinks } from './link-rules.js';
import { landingPage } from './resources.js';

const RULE = '/req/core/root-links';

export const rootLinksKind = ogcKind({
  name: 'ogcapi.root-links',
  description: 'The landing page links itself (self) and its other encodings (alternate)',
  rules: [RULE],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const landing = await landingPage(context);
    if (landing.json === undefined) {
      return judgement
        .undecided({
          rule: RULE,
          code: 'no-landing-page',
          message: 'konform could not read the landing page as JSON (see the landing page check)',
          fetched: landing,
        })
        .output();
    }
    const { others } = await declaredEncodings(context);
    expectLinks(judgement.saw(landing), landing.json, '', landing, RULE, 'self');
    if (others.length > 0) expectLinks(judgement, landing.json, '', landing, RULE, 'alternate', others);
    return judgement.output();
  },
});
