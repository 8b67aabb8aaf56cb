/**
 * `ogcapi.openapi-links`: the landing page links the API definition as OpenAPI 3.0 JSON
 * (`service-desc`, `application/vnd.oai.openapi+json;version=3.0`) and as HTML (`service-doc`,
 * `text/html`) (/req/oas30/oas-definition-1).
 */
import { linksOf, withRel } from '../../ogcapi/links.js';
import { HTML } from '../../ogcapi/media-types.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { landingPage } from './resources.js';
import { isOpenApi30 } from './served-definition.js';

const RULE = '/req/oas30/oas-definition-1';

export const openapiLinksKind = ogcKind({
  name: 'ogcapi.openapi-links',
  description: 'The landing page links the API definition as OpenAPI 3.0 JSON (service-desc) and as HTML (service-doc)',
  rules: [RULE],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const landing = await landingPage(context);
    if (landing.json === undefined)
      return judgement
        .undecided({ rule: RULE, code: 'no-landing-page', message: 'konform could not read the landing page as JSON', fetched: landing })
        .output();
    const links = linksOf(landing.json);
    if (!withRel(links, 'service-desc').some((link) => isOpenApi30(link.type))) {
      judgement.violation({
        rule: RULE,
        code: 'link-missing',
        message: 'no service-desc link of type application/vnd.oai.openapi+json;version=3.0',
        fetched: landing,
        pointer: '/links',
      });
    }
    if (!withRel(links, 'service-doc').some((link) => link.type === HTML)) {
      judgement.violation({
        rule: RULE,
        code: 'link-missing',
        message: 'no service-doc link of type text/html',
        fetched: landing,
        pointer: '/links',
      });
    }
    return judgement.saw(landing).output();
  },
});
