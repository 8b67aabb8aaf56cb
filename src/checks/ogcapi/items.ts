/**
 * `ogcapi.items`, per collection: GET `/collections/{collectionId}/items` is supported
 * (/req/core/fc-op) and answers 200 (/req/core/fc-response A) with a `self` link and an
 * `alternate` link per other declared encoding (/req/core/fc-links), `rel` and `type` on every link
 * (/req/core/fc-rel-type), `numberReturned` equal to the features on the page
 * (/req/core/fc-numberReturned) and a `timeStamp` of when the response was generated
 * (/req/core/fc-timeStamp), on the first page and on every page of the walk. Pages without the
 * optional `numberReturned`, or without `timeStamp` or a Date header, leave those rules inapplicable.
 */
import { linksOf } from '../../ogcapi/links.js';
import { HTML } from '../../ogcapi/media-types.js';
import { headerValue } from '../../openapi/response-check.js';
import { isJsonObject } from '../../openapi/refs.js';
import { expectJson200, expectSupported } from './expect.js';
import type { Fetched } from './fetch.js';
import { featuresOf, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { declaredEncodings, expectLinks, expectRelAndType } from './link-rules.js';
import { DEFAULTS } from './options.js';
import { items } from './resources.js';

const ALWAYS = ['/req/core/fc-op', '/req/core/fc-response', '/req/core/fc-links', '/req/core/fc-rel-type'];

/** Allowed distance between `timeStamp` and the response's Date header (RFC 9110 §6.6.1), for clocks of proxy and server. */
const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

function judgePage(judgement: Judgement, page: Fetched, others: readonly string[]): void {
  const body = page.json;
  if (!isJsonObject(body)) return;
  expectLinks(judgement, body, '', page, '/req/core/fc-links', 'self');
  if (others.length > 0) expectLinks(judgement, body, '', page, '/req/core/fc-links', 'alternate', others);
  expectRelAndType(judgement, linksOf(body), page, '/req/core/fc-rel-type');
  const features = featuresOf(page) ?? [];
  if (body.numberReturned !== undefined && body.numberReturned !== features.length) {
    judgement.violation({
      rule: '/req/core/fc-numberReturned',
      code: 'number-returned-wrong',
      message: `numberReturned is ${JSON.stringify(body.numberReturned)}, the page has ${features.length} features`,
      fetched: page,
      pointer: '/numberReturned',
      params: { numberReturned: body.numberReturned, features: features.length },
    });
  }
  const date = page.response ? headerValue(page.response, 'date') : undefined;
  if (body.timeStamp === undefined || date === undefined) return;
  const distance = Math.abs(Date.parse(String(body.timeStamp)) - Date.parse(date));
  if (!(distance <= TIMESTAMP_TOLERANCE_MS)) {
    judgement.violation({
      rule: '/req/core/fc-timeStamp',
      code: 'timestamp-not-now',
      message: `timeStamp ${JSON.stringify(body.timeStamp)} is not the time the response was generated (Date: ${date})`,
      fetched: page,
      pointer: '/timeStamp',
      params: { timeStamp: body.timeStamp, date },
    });
  }
}

/** The rules the pages give a case of: numberReturned and timeStamp are optional members. */
function examinedRules(pages: readonly Fetched[]): string[] {
  const bodies = pages.map((page) => (isJsonObject(page.json) ? page.json : {}));
  const dated = pages.some(
    (page, index) => bodies[index]?.timeStamp !== undefined && page.response && headerValue(page.response, 'date') !== undefined,
  );
  return [
    ...ALWAYS,
    ...(bodies.some((body) => body.numberReturned !== undefined) ? ['/req/core/fc-numberReturned'] : []),
    ...(dated ? ['/req/core/fc-timeStamp'] : []),
  ];
}

export const itemsKind = perCollectionKind({
  name: 'ogcapi.items',
  description:
    'GET /collections/{collectionId}/items answers 200 with the links, numberReturned and timeStamp the Core requires, on every page',
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const first = await items(context, id);
    if (!expectSupported(judgement, first, '/req/core/fc-op')) return judgement.stopped();
    if (expectJson200(judgement, first, '/req/core/fc-response', `/collections/${id}/items`) === undefined) return judgement.stopped();
    const others = (await declaredEncodings(context)).features.filter((type) => type === HTML);
    const paged = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    const pages = [first, ...paged.pages];
    for (const page of pages) judgePage(judgement.saw(page), page, others);
    return judgement.output(examinedRules(pages));
  },
});
