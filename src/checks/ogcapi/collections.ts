/**
 * `ogcapi.collections`: GET `/collections` is supported (/req/core/fc-md-op) and answers 200 valid
 * against collections.yaml (/req/core/fc-md-success), with a `self` link, an `alternate` link per
 * other declared encoding and `rel` and `type` on each link (/req/core/fc-md-links), and, in every
 * collection, an `items` link per declared feature encoding, each with `rel` and `type`
 * (/req/core/fc-md-items-links).
 */
import { linksOf } from '../../ogcapi/links.js';
import { isJsonObject } from '../../openapi/refs.js';
import { expectJson200, expectSchema, expectSupported } from './expect.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { declaredEncodings, expectLinks, expectRelAndType } from './link-rules.js';
import { collections } from './resources.js';

const OP = '/req/core/fc-md-op';
const SUCCESS = '/req/core/fc-md-success';
const LINKS = '/req/core/fc-md-links';
const ITEMS_LINKS = '/req/core/fc-md-items-links';

export const collectionsKind = ogcKind({
  name: 'ogcapi.collections',
  description: 'GET /collections answers 200 valid against collections.yaml, with the links the Core requires of it and of each collection',
  rules: [OP, SUCCESS, LINKS, ITEMS_LINKS],
  judge: async (context, _options, check) => {
    const judgement = new Judgement();
    const fetched = await collections(context);
    if (!expectSupported(judgement, fetched, OP)) return judgement.stopped();
    const body = expectJson200(judgement, fetched, SUCCESS, '/collections');
    if (body === undefined) return judgement.stopped();
    await expectSchema(context, judgement, 'collections', body, fetched, SUCCESS);
    const encodings = await declaredEncodings(context);
    expectLinks(judgement, body, '', fetched, LINKS, 'self');
    if (encodings.others.length > 0) expectLinks(judgement, body, '', fetched, LINKS, 'alternate', encodings.others);
    expectRelAndType(judgement, linksOf(body), fetched, LINKS);
    const list = isJsonObject(body) && Array.isArray(body.collections) ? body.collections : [];
    list.forEach((entry, index) => {
      const base = `/collections/${index}`;
      expectLinks(judgement, entry, base, fetched, ITEMS_LINKS, 'items', encodings.features);
      expectRelAndType(judgement, linksOf(entry, base), fetched, ITEMS_LINKS);
    });
    // Without a collection, no items link is due.
    return judgement.output(list.length > 0 ? undefined : check.verifies.filter((rule) => rule !== ITEMS_LINKS));
  },
});
