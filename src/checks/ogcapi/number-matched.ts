/**
 * `ogcapi.number-matched`, per collection: `numberMatched`, where given, is the number of features
 * the query selects (/req/core/fc-numberMatched). konform counts them by walking every page of a
 * query: the unfiltered one, or else the bbox probe's, which selects few features. When neither
 * walk reaches the last page within `maxPages`, the count is unknown and the check `untested`,
 * unless a page already claims fewer matches than konform saw. Where the pages of a walk that
 * reached its end give no `numberMatched` (it is optional), the check is inapplicable.
 */
import { isJsonObject } from '../../openapi/refs.js';
import { featureId, walk, type Walk } from './features.js';
import { Judgement, notJudged } from './judgement.js';
import { perCollectionKind } from './kind.js';
import { DEFAULTS } from './options.js';
import { bboxProbe } from './probe.js';

const RULE = '/req/core/fc-numberMatched';

/** Features counted once each: by id where every feature has one (a page repeated by a broken `next` link counts once). */
function distinctFeatures(walked: Walk): number {
  const ids = walked.features.map((seen) => featureId(seen.feature));
  return ids.every((id) => id !== undefined) ? new Set(ids).size : ids.length;
}

function judgeWalk(judgement: Judgement, walked: Walk): void {
  const seen = distinctFeatures(walked);
  for (const page of walked.pages) {
    const claimed = isJsonObject(page.json) ? page.json.numberMatched : undefined;
    if (claimed === undefined) continue;
    const wrong = walked.complete ? claimed !== seen : typeof claimed !== 'number' || claimed < seen;
    if (!wrong) continue;
    const counted = walked.complete ? `the query selects ${seen} features` : `konform already saw ${seen} features`;
    judgement.violation({
      rule: RULE,
      code: 'number-matched-wrong',
      message: `numberMatched is ${JSON.stringify(claimed)}, but ${counted} on ${walked.pages.length} pages`,
      fetched: page,
      pointer: '/numberMatched',
      params: { numberMatched: claimed, counted: seen, complete: walked.complete },
    });
  }
}

export const numberMatchedKind = perCollectionKind({
  name: 'ogcapi.number-matched',
  description: 'numberMatched equals the number of features counted on every page of the query',
  rules: [RULE],
  judge: async (context, options, { id }) => {
    const maxPages = options.maxPages ?? DEFAULTS.maxPages;
    const walks = [await walk(context, id, { limit: String(options.pageSize ?? DEFAULTS.pageSize) }, maxPages)];
    if (!walks[0]?.complete) {
      const sampled = await bboxProbe(context, id, options);
      if ('probe' in sampled) walks.push(sampled.probe.walk);
    }
    const judgement = new Judgement();
    for (const walked of walks) judgeWalk(judgement.saw(...walked.pages), walked);
    const claims = walks.some((walked) => walked.pages.some((page) => isJsonObject(page.json) && page.json.numberMatched !== undefined));
    // numberMatched is optional: pages of a finished walk that give none leave nothing to examine.
    if (!claims && walks.some((walked) => walked.complete)) {
      const none = notJudged('inapplicable', `no page of /collections/${id}/items gives numberMatched`);
      return { ...none, evidence: judgement.output().evidence };
    }
    if (judgement.violated || walks.some((walked) => walked.complete)) return judgement.output();
    const broken = walks.find((walked) => walked.broken)?.broken;
    if (broken)
      return judgement
        .undecided({
          rule: RULE,
          code: 'page-unreadable',
          message: `a page of the query could not be read as a feature collection (${broken.url})`,
          fetched: broken,
        })
        .output();
    return {
      ...notJudged('untested', `no query of /collections/${id}/items could be walked to its last page within maxPages (${maxPages})`),
      evidence: judgement.output().evidence,
    };
  },
});
