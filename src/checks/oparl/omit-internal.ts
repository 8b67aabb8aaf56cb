/**
 * `oparl.omit-internal`: with `omit_internal=true` a list leaves out the internal lists of its
 * objects (OParl 1.1 §2.5 Filter, "soll"): `internalLists` names them per type, as §2.5 lists
 * them. The first page of the first list of each type is read with the parameter.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import type { Fetched } from '../../crawl/types.js';
import { cutOffOf, oparlCrawl, unreachedOf } from '../../oparl/crawl.js';
import { responseFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { bodyListsOf, pageItems, readList, unreadFinding, withParameters } from '../../oparl/lists.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

export type OmitInternalOptions = OParlOptions & { internalLists: Record<string, string[]> };

export const omitInternalKind: CheckKind<OmitInternalOptions> = {
  name: 'oparl.omit-internal',
  description: 'omit_internal=true leaves out the internal lists',
  optionsSchema: {
    ...optionsSchema({ internalLists: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } }),
    required: ['internalLists'],
  },
  needs: ['endpoint'],
  waitsOnRequests: true,
  lint: lintDeciding([RULE.LIST_OMIT_INTERNAL]),
  subjects: (context, options) => typeSubjects(context, Object.keys(options.internalLists)),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subjectType(subject) ?? '';
    const [list] = bodyListsOf(crawl, type);
    if (!list) return judgeCases(check, { findings: [], cases: {}, cutOff: cutOffOf(crawl, type), unreached: unreachedOf(crawl, type), nothing: `the crawl met no list of oparl:${type}` });
    const read = await readList(context, withParameters((list.pages[0] as Fetched).url, { omit_internal: 'true' }), 1);
    const findings: Finding[] = [];
    if (read.end === 'failed') findings.push(unreadFinding(read.unread, RULE.LIST_OMIT_INTERNAL, 'list-unreadable', 'with omit_internal=true: '));
    const page = read.pages[0];
    const names = options.internalLists[type] ?? [];
    pageItems(page ?? { json: undefined }).forEach((item, index) => {
      const kept = names.filter((name) => item[name] !== undefined);
      if (page && kept.length > 0) {
        findings.push(responseFinding(page, RULE.LIST_OMIT_INTERNAL, 'internal-list-kept', `with omit_internal=true ${JSON.stringify(item.id)} still has ${kept.join(', ')}`, { pointer: `/data/${index}` }));
      }
    });
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, 1) }, options.maxFindings);
  },
};
