/**
 * `ogcapi.collection`, per collection: GET `/collections/{collectionId}` is supported
 * (/req/core/sfc-md-op) and answers 200 valid against collection.yaml, consistent with the
 * collection's entry in `/collections`: the same `id`, `title`, `description`, `extent` and
 * `itemType`, and every link of the entry (/req/core/sfc-md-success).
 */
import { jsonEqual } from '../../core/json-equal.js';
import { linksOf, linkUrl, sameResource } from '../../ogcapi/links.js';
import { isJsonObject } from '../../openapi/refs.js';
import { expectJson200, expectSchema, expectSupported } from './expect.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { collection, collections } from './resources.js';

const OP = '/req/core/sfc-md-op';
const SUCCESS = '/req/core/sfc-md-success';
const SAME_MEMBERS = ['id', 'title', 'description', 'extent', 'itemType'] as const;

export const collectionKind = perCollectionKind({
  name: 'ogcapi.collection',
  description: 'GET /collections/{collectionId} answers 200 valid against collection.yaml and consistent with /collections',
  rules: [OP, SUCCESS],
  judge: async (context, options, listed) => {
    const judgement = new Judgement();
    const fetched = await collection(context, listed.id);
    if (!expectSupported(judgement, fetched, OP)) return judgement.stopped();
    const body = expectJson200(judgement, fetched, SUCCESS, `/collections/${listed.id}`);
    if (body === undefined) return judgement.stopped();
    await expectSchema(context, judgement, 'collection', body, fetched, SUCCESS);
    if (!isJsonObject(body)) return judgement.stopped();
    for (const member of SAME_MEMBERS.filter((name) => !jsonEqual(body[name], listed.entry[name]))) {
      judgement.violation({
        rule: SUCCESS,
        code: 'inconsistent-with-collections',
        message: `"${member}" differs from the collection's entry in /collections (${listed.pointer})`,
        fetched,
        pointer: `/${member}`,
        params: { member },
      });
    }
    const listUrl = (await collections(context)).url;
    const own = linksOf(body).map((link) => ({ rel: link.rel, url: linkUrl(link, fetched.url) ?? link.href }));
    for (const link of linksOf(listed.entry, listed.pointer)) {
      const url = linkUrl(link, listUrl) ?? link.href;
      if (own.some((candidate) => candidate.rel === link.rel && sameResource(candidate.url, url))) continue;
      judgement.violation({
        rule: SUCCESS,
        code: 'link-not-included',
        message: `the link of /collections (${link.pointer}) to ${url} (rel ${link.rel ?? 'none'}) is missing`,
        fetched,
        pointer: '/links',
        params: { href: url, rel: link.rel },
      });
    }
    return judgement.output();
  },
});
