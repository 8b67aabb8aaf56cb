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
import { featuresOf, sawWalk, walk } from './features.js';
import { Judgement } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { declaredEncodings, expectLinks, expectRelAndType } from './link-rules.js';
import { DEFAULTS } from './options.js';
import { items } from './resources.js';

const RULES = {
  op: '/req/core/fc-op',
  response: '/req/core/fc-response',
  links: '/req/core/fc-links',
  relType: '/req/core/fc-rel-type',
  numberReturned: '/req/core/fc-numberReturned',
  timeStamp: '/req/core/fc-timeStamp',
} as const;
const ALWAYS = [RULES.op, RULES.response, RULES.links, RULES.relType];

/** Allowed distance between `timeStamp` and the response's Date header (RFC 9110 §6.6.1), for clocks of proxy and server. */
const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;

function judgePage(judgement: Judgement, page: Fetched, others: readonly string[]): void {
  const body = page.json;
  if (!isJsonObject(body)) return;
  expectLinks(judgement, body, '', page, RULES.links, 'self');
  if (others.length > 0) expectLinks(judgement, body, '', page, RULES.links, 'alternate', others);
  expectRelAndType(judgement, linksOf(body), page, RULES.relType);
  const features = featuresOf(page) ?? [];
  if (body.numberReturned !== undefined && body.numberReturned !== features.length) {
    judgement.violation({
      rule: RULES.numberReturned,
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
      rule: RULES.timeStamp,
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
    ...(bodies.some((body) => body.numberReturned !== undefined) ? [RULES.numberReturned] : []),
    ...(dated ? [RULES.timeStamp] : []),
  ];
}

export const itemsKind = perCollectionKind({
  name: 'ogcapi.items',
  description:
    'GET /collections/{collectionId}/items answers 200 with the links, numberReturned and timeStamp the Core requires, on every page',
  rules: Object.values(RULES),
  judge: async (context, options, { id }) => {
    const judgement = new Judgement();
    const first = await items(context, id);
    if (!expectSupported(judgement, first, RULES.op)) return judgement.stopped();
    if (expectJson200(judgement, first, RULES.response, `/collections/${id}/items`) === undefined) return judgement.stopped();
    const others = (await declaredEncodings(context)).features.filter((type) => type === HTML);
    const paged = await walk(
      context,
      id,
      { limit: String(options.pageSize ?? DEFAULTS.pageSize) },
      options.maxPages ?? DEFAULTS.maxPages,
    );
    const pages = [first, ...paged.pages];
    for (const page of pages) judgePage(judgement.saw(page), page, others);
    sawWalk(judgement, paged, Object.values(RULES));
    return judgement.output(examinedRules(pages));
  },
});
