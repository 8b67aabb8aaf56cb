/**
 * `ogcapi.landing-page`: GET `/` is supported (/req/core/root-op) and answers 200 with a landing
 * page valid against landingPage.yaml that links the API definition (`service-desc` or
 * `service-doc`), `/conformance` (`conformance`) and `/collections` (`data`) (/req/core/root-success).
 */
import { linksOf, linkUrl, withRel } from '../../ogcapi/links.js';
import { apiUrl } from './fetch.js';
import { expectJson200, expectSchema, expectSupported } from './expect.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { landingPage } from './resources.js';

const OP = '/req/core/root-op';
const SUCCESS = '/req/core/root-success';

const pathOf = (url: string | undefined) => (url ? new URL(url).pathname.replace(/\/+$/, '') : undefined);

export const landingPageKind = ogcKind({
  name: 'ogcapi.landing-page',
  description:
    'The landing page answers 200, is valid against landingPage.yaml and links the API definition, /conformance and /collections',
  rules: [OP, SUCCESS],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const fetched = await landingPage(context);
    if (!expectSupported(judgement, fetched, OP)) return judgement.stopped();
    const body = expectJson200(judgement, fetched, SUCCESS, 'the landing page');
    if (body === undefined) return judgement.output();
    await expectSchema(context, judgement, 'landingPage', body, fetched, SUCCESS);
    const links = linksOf(body);
    if (withRel(links, 'service-desc', 'service-doc').length === 0) {
      judgement.violation({
        rule: SUCCESS,
        code: 'link-missing',
        message: 'the landing page has no link to the API definition (rel service-desc or service-doc)',
        fetched,
        pointer: '/links',
        params: { rel: 'service-desc' },
      });
    }
    for (const [rel, path] of [
      ['conformance', '/conformance'],
      ['data', '/collections'],
    ] as const) {
      const expected = pathOf(apiUrl(context, path));
      const found = withRel(links, rel);
      if (found.some((link) => pathOf(linkUrl(link, fetched.url)) === expected)) continue;
      const message = found.length === 0 ? `the landing page has no link with rel ${rel}` : `no link with rel ${rel} leads to ${path}`;
      judgement.violation({
        rule: SUCCESS,
        code: 'link-missing',
        message,
        fetched,
        pointer: found[0]?.pointer ?? '/links',
        params: { rel, path },
      });
    }
    return judgement.output();
  },
});
