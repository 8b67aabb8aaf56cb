/**
 * `ogcapi.http-recommendations`, on the landing page, /conformance and /collections: HEAD is
 * supported where GET is (/rec/core/head, RFC 9110 §9.3.2); responses carry an ETag and a
 * conditional GET with it answers 304 (/rec/core/etag, RFC 9110 §8.8.3, §13.1.2); a request
 * with `Origin` is answered with Access-Control-Allow-Origin (/rec/core/cross-origin, Fetch
 * Standard §3.2); the links of the landing page also come as Link headers (/rec/core/link-header,
 * RFC 8288 §3).
 */
import { absoluteUrl, linksOf, linkUrl } from '../../ogcapi/links.js';
import { JSON_TYPE } from '../../ogcapi/media-types.js';
import { headerValue } from '../../openapi/response-check.js';
import { fetchOnce } from './fetch.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { collections, conformance, landingPage } from './resources.js';

/** An origin that is no real site (RFC 6761 §6.4). */
const ORIGIN = 'https://konform.invalid';

/** The URI references of a Link header (RFC 8288 §3), resolved against the request URL. */
function linkHeaderTargets(value: string, base: string): string[] {
  return [...value.matchAll(/<([^>]*)>/g)].flatMap((match) => absoluteUrl(match[1] ?? '', base) ?? []);
}

const RULES = { head: '/rec/core/head', etag: '/rec/core/etag', crossOrigin: '/rec/core/cross-origin', linkHeader: '/rec/core/link-header' } as const;

export const httpRecommendationsKind = ogcKind({
  name: 'ogcapi.http-recommendations',
  description: 'HEAD, entity tags with conditional GET, CORS and Link headers are supported',
  rules: Object.values(RULES),
  judge: async (context, _options, check) => {
    const judgement = new Judgement();
    const resources = [await landingPage(context), await conformance(context), await collections(context)];
    if (!resources.some((resource) => resource.response?.status === 200)) {
      return judgement
        .undecided({
          rule: RULES.head,
          code: 'nothing-to-judge',
          message: 'neither the landing page nor /conformance nor /collections answered 200',
          fetched: resources[0],
        })
        .output();
    }
    for (const resource of resources) {
      if (resource.response?.status !== 200) continue;
      judgement.saw(resource);
      const head = await fetchOnce(context, resource.url, JSON_TYPE, 'HEAD');
      if (head.failure) {
        judgement.unanswered(RULES.head, head);
      } else if (head.response.status !== 200) {
        judgement.violation({ rule: RULES.head, code: 'head-unsupported', message: `HEAD ${resource.url} answered ${head.response.status}`, fetched: head });
      }
      const etag = headerValue(resource.response, 'etag');
      if (etag === undefined) {
        judgement.violation({
          rule: RULES.etag,
          code: 'etag-missing',
          message: `GET ${resource.url} sent no ETag`,
          fetched: resource,
        });
        continue;
      }
      const conditional = await fetchOnce(context, resource.url, JSON_TYPE, 'GET', { 'if-none-match': etag });
      if (conditional.failure) {
        judgement.unanswered(RULES.etag, conditional);
      } else if (conditional.response.status !== 304) {
        judgement.violation({
          rule: RULES.etag,
          code: 'conditional-get-ignored',
          message: `GET with If-None-Match: ${etag} answered ${conditional.response.status}, not 304`,
          fetched: conditional,
        });
      }
    }
    const cors = await fetchOnce(context, (await landingPage(context)).url, JSON_TYPE, 'GET', { origin: ORIGIN });
    if (cors.failure) {
      judgement.unanswered(RULES.crossOrigin, cors);
    } else if (headerValue(cors.response, 'access-control-allow-origin') === undefined) {
      judgement.violation({
        rule: RULES.crossOrigin,
        code: 'cors-missing',
        message: `a request with Origin: ${ORIGIN} was answered without Access-Control-Allow-Origin`,
        fetched: cors,
      });
    }
    const landing = await landingPage(context);
    const landingLinks = linksOf(landing.json);
    if (landing.failure) {
      judgement.unanswered(RULES.linkHeader, landing);
    } else {
      const targets = linkHeaderTargets(headerValue(landing.response, 'link') ?? '', landing.url);
      const missing = landingLinks.filter((candidate) => !targets.includes(linkUrl(candidate, landing.url) ?? ''));
      if (missing.length > 0) {
        const hrefs = missing.map((link) => link.href);
        judgement.violation({
          rule: RULES.linkHeader,
          code: 'link-header-missing',
          message: `${missing.length} links of the landing page are not in a Link header, e.g. ${hrefs[0]}`,
          fetched: landing,
          pointer: missing[0]?.pointer ?? '/links',
          params: { missing: hrefs },
        });
      }
    }
    // A landing page without links has none to repeat in Link headers.
    return judgement.output(landingLinks.length > 0 ? undefined : check.verifies.filter((rule) => rule !== RULES.linkHeader));
  },
});
