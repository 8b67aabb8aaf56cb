/**
 * `ogcapi.openapi-links`: the landing page links the API definition as OpenAPI 3.0 JSON
 * (`service-desc`, `application/vnd.oai.openapi+json;version=3.0`) and as HTML (`service-doc`,
 * `text/html`) (/req/oas30/oas-definition-1).
 */
import { linksOf, withRel } from '../../ogcapi/links.js';
import { HTML } from '../../ogcapi/media-types.js';
import type { CheckKind } from '../types.js';
import { gated } from './frame.js';
import { Judgement } from './judgement.js';
import { OGC_OPTIONS_SCHEMA, type OgcOptions } from './options.js';
import { landingPage } from './resources.js';
import { isOpenApi30 } from './served-definition.js';

const RULE = '/req/oas30/oas-definition-1';

export const openapiLinksKind: CheckKind<OgcOptions> = {
  name: 'ogcapi.openapi-links',
  description: 'The landing page links the API definition as OpenAPI 3.0 JSON (service-desc) and as HTML (service-doc)',
  optionsSchema: OGC_OPTIONS_SCHEMA,
  needs: ['endpoint'],
  run: (context, options) =>
    gated(context, options, async () => {
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
    }),
};
