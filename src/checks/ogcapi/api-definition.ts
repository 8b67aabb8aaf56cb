/**
 * `ogcapi.api-definition`: every API definition the landing page links (`service-desc`,
 * `service-doc`) supports GET (/req/core/api-definition-op) and, asked for with the link's `type`
 * as `Accept`, answers 200 with a document of that media type (/req/core/api-definition-success):
 * the Content-Type matches, a JSON type parses as JSON, an HTML type is an HTML document.
 */
import { htmlFacts } from '../../ogcapi/html.js';
import { linksOf, linkUrl, withRel } from '../../ogcapi/links.js';
import { contentTypeOf, hasMediaType } from '../../ogcapi/media-types.js';
import { isJsonMediaType, parseMediaType } from '../../openapi/media-type.js';
import { expectSupported } from './expect.js';
import { fetchOnce } from './fetch.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { landingPage } from './resources.js';

const OP = '/req/core/api-definition-op';
const SUCCESS = '/req/core/api-definition-success';

export const apiDefinitionKind = ogcKind({
  name: 'ogcapi.api-definition',
  description: 'Every API definition the landing page links answers 200 with a document of the media type the link names',
  rules: [OP, SUCCESS],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const landing = await landingPage(context);
    const links = withRel(linksOf(landing.json), 'service-desc', 'service-doc');
    if (links.length === 0) {
      return judgement
        .undecided({
          rule: SUCCESS,
          code: 'no-api-definition-link',
          message: 'the landing page links no API definition (see the landing page check)',
          fetched: landing,
        })
        .output();
    }
    for (const link of links) {
      const url = linkUrl(link, landing.url);
      if (!url) {
        judgement.violation({
          rule: SUCCESS,
          code: 'link-invalid',
          message: `the ${link.rel} link ${link.href} is no URL`,
          fetched: landing,
          pointer: link.pointer,
        });
        continue;
      }
      const fetched = await fetchOnce(context, url, link.type ?? '*/*');
      if (!expectSupported(judgement, fetched, OP) || !fetched.response) continue;
      const { response } = fetched;
      const type = contentTypeOf(response);
      const wanted = link.type ? parseMediaType(link.type) : undefined;
      const problem =
        response.status !== 200
          ? `answered ${response.status}, not 200`
          : link.type && !hasMediaType(response, link.type)
            ? `answered ${type ?? 'without a Content-Type'} to Accept: ${link.type}`
            : fetched.jsonError !== undefined
              ? fetched.jsonError
              : wanted && isJsonMediaType(wanted) && fetched.json === undefined
                ? 'is not JSON'
                : wanted?.subtype === 'html' && !htmlFacts(response.body.toString('utf8')).hasBody
                  ? 'is no HTML document'
                  : undefined;
      if (problem)
        judgement.violation({
          rule: SUCCESS,
          code: 'api-definition-unusable',
          message: `the ${link.rel} link ${url} ${problem}`,
          fetched,
          params: { rel: link.rel, type: link.type, contentType: type },
        });
    }
    return judgement.output();
  },
});
