/**
 * `ogcapi.conformance`: GET is supported at `/conformance` and at every JSON `conformance` link of
 * the landing page (/req/core/conformance-op); each answers 200 with a declaration valid against
 * confClasses.yaml that lists the Core class, which konform is testing (/req/core/conformance-success).
 */
import { classUri } from '../../ogcapi/conformance-classes.js';
import { linksOf, linkUrl, sameResource, withRel } from '../../ogcapi/links.js';
import { HTML } from '../../ogcapi/media-types.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { CheckKind } from '../types.js';
import { fetchOnce, type Fetched } from './fetch.js';
import { expectJson200, expectSchema, expectSupported } from './expect.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { conformance, landingPage } from './resources.js';

const OP = '/req/core/conformance-op';
const SUCCESS = '/req/core/conformance-success';

async function judgeDeclaration(context: Parameters<CheckKind['run']>[0], judgement: Judgement, fetched: Fetched): Promise<void> {
  if (!expectSupported(judgement, fetched, OP)) {
    judgement.undecided({ rule: SUCCESS, code: 'not-examined', message: `not examined: GET ${fetched.url} did not succeed`, fetched });
    return;
  }
  const body = expectJson200(judgement, fetched, SUCCESS, `the conformance declaration at ${fetched.url}`);
  if (body === undefined) return;
  await expectSchema(context, judgement, 'confClasses', body, fetched, SUCCESS);
  const listed = isJsonObject(body) && Array.isArray(body.conformsTo) ? body.conformsTo : [];
  if (!listed.includes(classUri('core'))) {
    judgement.violation({
      rule: SUCCESS,
      code: 'core-not-declared',
      message: `conformsTo does not list ${classUri('core')}`,
      fetched,
      pointer: '/conformsTo',
    });
  }
}

export const conformanceKind = ogcKind({
  name: 'ogcapi.conformance',
  description:
    'The conformance declaration at /conformance and at the conformance links answers 200, is valid against confClasses.yaml and lists the Core',
  rules: [OP, SUCCESS],
  judge: async (context, options) => {
    const judgement = new Judgement();
    const atPath = await conformance(context);
    await judgeDeclaration(context, judgement, atPath);
    const landing = await landingPage(context);
    const urls = withRel(linksOf(landing.json), 'conformance')
      .filter((link) => link.type !== HTML)
      .map((link) => linkUrl(link, landing.url))
      .filter((url): url is string => url !== undefined && !sameResource(url, atPath.url));
    for (const url of [...new Set(urls)]) await judgeDeclaration(context, judgement, await fetchOnce(context, url, 'application/json'));
    return judgement.output();
  },
});
