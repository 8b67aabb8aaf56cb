/**
 * The link rules OGC API - Features Part 1 states for each resource: a `self` link, an
 * `alternate` link for every other media type the server supports, and `rel` and `type` on every
 * link (e.g. /req/core/fc-md-links, /req/core/fc-links, /req/core/f-links). The media types a
 * server supports are those of the encoding classes it declares (geojson, html).
 */
import { linksOf, withRel, type Link } from '../../ogcapi/links.js';
import { GEOJSON, HTML } from '../../ogcapi/media-types.js';
import type { CheckContext } from '../types.js';
import type { Fetched } from './fetch.js';
import type { Judgement } from './judgement.js';
import { declares } from './resources.js';

/** Media types of the features (`items`) and of the other resources besides the JSON konform reads. */
export async function declaredEncodings(context: CheckContext): Promise<{ features: string[]; others: string[] }> {
  const [geojson, html] = [await declares(context, 'geojson'), await declares(context, 'html')];
  return { features: [...(geojson ? [GEOJSON] : []), ...(html ? [HTML] : [])], others: html ? [HTML] : [] };
}

/** Every link has `rel` and `type`. */
export function expectRelAndType(judgement: Judgement, links: readonly Link[], fetched: Fetched, rule: string): void {
  for (const link of links.filter((candidate) => !candidate.rel || !candidate.type)) {
    const missing = [!link.rel ? 'rel' : '', !link.type ? 'type' : ''].filter(Boolean).join(' and ');
    judgement.violation({
      rule,
      code: 'link-parameter-missing',
      message: `the link to ${link.href} has no ${missing}`,
      fetched,
      pointer: link.pointer,
      params: { missing },
    });
  }
}

/** A link with `rel` (and one per media type in `types`, when given) is present. */
export function expectLinks(
  judgement: Judgement,
  owner: unknown,
  base: string,
  fetched: Fetched,
  rule: string,
  rel: string,
  types: readonly string[] = [],
): void {
  const found = withRel(linksOf(owner, base), rel);
  if (found.length === 0) {
    judgement.violation({
      rule,
      code: 'link-missing',
      message: `no link with rel ${rel} at ${base || '/'}`,
      fetched,
      pointer: `${base}/links`,
      params: { rel },
    });
    return;
  }
  for (const type of types.filter((wanted) => !found.some((link) => link.type === wanted))) {
    judgement.violation({
      rule,
      code: 'link-missing',
      message: `no link with rel ${rel} and type ${type} at ${base || '/'}`,
      fetched,
      pointer: `${base}/links`,
      params: { rel, type },
    });
  }
}
