/**
 * `ogcapi.collection-recommendations`: what the standard recommends for collection metadata. In
 * /collections, each collection links itself (/rec/core/fc-md-self-links) and a licence, or the
 * response does for all, at least once as text/html or text/plain (/rec/core/fc-md-license), and
 * gives a single bounding box and time interval (/rec/core/fc-md-extent-single); each
 * /collections/{collectionId} links itself and its other encodings, with `rel` and `type` on every
 * link (/rec/core/sfc-md-links). Without collections, or without an extent, those have no case.
 */
import { linksOf, withRel } from '../../ogcapi/links.js';
import { isJsonObject } from '../../openapi/refs.js';
import { Judgement } from './judgement.js';
import { ogcKind } from './kind.js';
import { declaredEncodings, expectLinks, expectRelAndType } from './link-rules.js';
import { DEFAULTS } from './options.js';
import { collection, collections, listedCollections } from './resources.js';

const LICENCE_TYPES = ['text/html', 'text/plain'];

function extentCounts(entry: Record<string, unknown>): { bbox: number; interval: number } {
  const extent = isJsonObject(entry.extent) ? entry.extent : {};
  const count = (part: unknown, member: string) => (isJsonObject(part) && Array.isArray(part[member]) ? part[member].length : 0);
  return { bbox: count(extent.spatial, 'bbox'), interval: count(extent.temporal, 'interval') };
}

const RULES = {
  selfLinks: '/rec/core/fc-md-self-links',
  license: '/rec/core/fc-md-license',
  extentSingle: '/rec/core/fc-md-extent-single',
  collectionLinks: '/rec/core/sfc-md-links',
} as const;

export const collectionRecommendationsKind = ogcKind({
  name: 'ogcapi.collection-recommendations',
  description: 'Collections link themselves and a licence, give one bounding box and interval, and each collection links its encodings',
  rules: Object.values(RULES),
  judge: async (context, options) => {
    const judgement = new Judgement();
    const list = await collections(context);
    const listed = await listedCollections(context);
    if (!listed)
      return judgement
        .undecided({
          rule: RULES.selfLinks,
          code: 'collections-unlisted',
          message: 'konform could not read /collections',
          fetched: list,
        })
        .output();
    judgement.saw(list);
    const topLicences = withRel(linksOf(list.json), 'license');
    const { others } = await declaredEncodings(context);
    for (const { id, entry, pointer } of listed) {
      expectLinks(judgement, entry, pointer, list, RULES.selfLinks, 'self');
      const licences = [...withRel(linksOf(entry, pointer), 'license'), ...topLicences];
      if (!licences.some((link) => LICENCE_TYPES.includes(link.type ?? ''))) {
        judgement.violation({
          rule: RULES.license,
          code: 'licence-missing',
          message: `no license link of type text/html or text/plain for ${id}`,
          fetched: list,
          pointer: `${pointer}/links`,
        });
      }
      const counts = extentCounts(entry);
      if (counts.bbox > 1 || counts.interval > 1) {
        judgement.violation({
          rule: RULES.extentSingle,
          code: 'extent-not-single',
          message: `the extent of ${id} has ${counts.bbox} bounding boxes and ${counts.interval} time intervals`,
          fetched: list,
          pointer: `${pointer}/extent`,
          params: counts,
        });
      }
    }
    let collectionsRead = 0;
    for (const { id } of listed.slice(0, options.maxCollections ?? DEFAULTS.maxCollections)) {
      const fetched = await collection(context, id);
      if (!isJsonObject(fetched.json)) continue;
      collectionsRead += 1;
      expectLinks(judgement.saw(fetched), fetched.json, '', fetched, RULES.collectionLinks, 'self');
      if (others.length > 0) expectLinks(judgement, fetched.json, '', fetched, RULES.collectionLinks, 'alternate', others);
      expectRelAndType(judgement, linksOf(fetched.json), fetched, RULES.collectionLinks);
    }
    const withExtent = listed.some(({ entry }) => entry.extent !== undefined);
    return judgement.output([
      ...(listed.length > 0 ? [RULES.selfLinks, RULES.license] : []),
      ...(withExtent ? [RULES.extentSingle] : []),
      ...(collectionsRead > 0 ? [RULES.collectionLinks] : []),
    ]);
  },
});
