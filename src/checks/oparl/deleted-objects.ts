/**
 * `oparl.deleted-objects`: deleted objects as OParl §2.8 and §2.5 want them. A deleted object
 * keeps id, type, created and modified and says `deleted: true`, and its URL still answers 200
 * (§2.8). Lists give deleted objects only when `modified_since` is set (1.1 §2.5): never in the
 * crawled lists, never embedded (§2.5 internal output), but in the list read with
 * `modified_since` (`since`, default the epoch): there every deleted object the crawl met must
 * be, and every object missing from the unfiltered list must say `deleted: true`. Up to
 * `maxObjects` deleted objects per type are fetched at their own URL. A list read with
 * `modified_since` is read to the crawl's page limit per list, unless `maxPages` says otherwise.
 * Each rule is decided by the cases of it examined (cases.ts): the deleted objects met for
 * DEL-FLAG, -KEEP and -STATUS and the lists' rules on deleted objects, the embedded objects for
 * LIST-INTERNAL-NOT-DELETED; where no deleted object was met those rules are not decided, and a
 * list read with modified_since that the page limit cut keeps them from passing (untested).
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { findFetched } from '../../crawl/index.js';
import type { CutOff, Fetched } from '../../crawl/types.js';
import type { JsonObject } from '../../openapi/types.js';
import { cutOffOf, oparlCrawl, unreachedOf, type OParlCrawl } from '../../oparl/crawl.js';
import { objectFinding, responseFinding } from '../../oparl/findings.js';
import { judgeCases } from '../../oparl/cases.js';
import { bodyListsOf, listsOf, pageItems, readList, readPage, unreadFinding, withParameters, type ReadPage } from '../../oparl/lists.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

export type DeletedObjectsOptions = OParlOptions & { since?: string; maxPages?: number; maxObjects?: number };

const KEPT = ['id', 'type', 'created', 'modified'];

function keptFindings(object: JsonObject, where: Pick<Fetched, 'url' | 'exchange'>, pointer: string): Finding[] {
  const lost = KEPT.filter((name) => object[name] === undefined);
  return lost.length === 0 ? [] : [responseFinding(where, RULE.DEL_KEEP, 'deleted-lost-attributes', `the deleted object ${JSON.stringify(object.id)} has no ${lost.join(', ')}`, { pointer })];
}

/** A deleted object at its own URL (the crawl's answer, else fetched): 200 and `deleted: true`. */
async function ownUrlFindings(context: CheckContext, crawl: OParlCrawl, id: string): Promise<Finding[]> {
  const crawled = findFetched(crawl.fetched, id);
  const read = crawled ? { page: { url: id, exchange: crawled.exchange, json: crawled.json } } : await readPage(context, id);
  if ('unread' in read) return [unreadFinding(read.unread, RULE.DEL_STATUS, 'deleted-status', 'the deleted object ')];
  const status = crawled?.status ?? 200;
  const wrongStatus = status === 200 ? [] : [responseFinding(read.page, RULE.DEL_STATUS, 'deleted-status', `the deleted object answers ${status}, not 200`)];
  return [...wrongStatus, ...flagFindings(read.page, read.page.json)];
}

function flagFindings(where: Pick<Fetched, 'url' | 'exchange'>, json: unknown): Finding[] {
  const deleted = typeof json === 'object' && json !== null && (json as JsonObject).deleted === true;
  return deleted ? [] : [responseFinding(where, RULE.DEL_FLAG, 'deleted-unflagged', 'the object listed as deleted does not say deleted: true at its own URL')];
}

export const deletedObjectsKind: CheckKind<DeletedObjectsOptions> = {
  name: 'oparl.deleted-objects',
  description: 'Deleted objects are flagged, kept, listed with modified_since only, never embedded',
  optionsSchema: optionsSchema({
    since: { type: 'string', default: '1970-01-01T00:00:00+00:00' },
    maxPages: { type: 'integer', minimum: 1 },
    maxObjects: { type: 'integer', minimum: 0, default: 5 },
  }),
  needs: ['endpoint'],
  waitsOnRequests: true,
  lint: lintDeciding([RULE.DEL_FLAG, RULE.DEL_KEEP, RULE.DEL_STATUS, RULE.LIST_DELETED_HIDDEN, RULE.LIST_DELETED_MODIFIED_SINCE, RULE.LIST_INTERNAL_NOT_DELETED]),
  subjects: (context) => typeSubjects(context),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subjectType(subject);
    const findings: Finding[] = [];
    const lists = listsOf(crawl, type);
    for (const page of lists.flatMap((list) => list.pages)) {
      pageItems(page).forEach((item, index) => {
        if (item.deleted === true) findings.push(responseFinding(page, RULE.LIST_DELETED_HIDDEN, 'deleted-listed', `the list gives the deleted object ${JSON.stringify(item.id)} without modified_since`, { pointer: `/data/${index}` }));
      });
    }
    const occurrences = crawl.occurrences.byType.get(type) ?? [];
    const embedded = occurrences.filter((occurrence) => occurrence.role === 'embedded');
    const fetchedDeleted = occurrences.filter((occurrence) => occurrence.role === 'fetched' && occurrence.object.deleted === true);
    for (const occurrence of embedded.filter((candidate) => candidate.object.deleted === true)) findings.push(objectFinding(occurrence, RULE.LIST_INTERNAL_NOT_DELETED, 'deleted-embedded', 'a deleted object is output internally'));
    for (const occurrence of fetchedDeleted) {
      findings.push(...keptFindings(occurrence.object, occurrence.response, ''), ...(occurrence.response.status === 200 ? [] : [objectFinding(occurrence, RULE.DEL_STATUS, 'deleted-status', `the deleted object answers ${occurrence.response.status}, not 200`)]));
    }
    const since = await modifiedSinceFindings(context, crawl, type, options);
    findings.push(...since.findings);
    const deletedMet = since.listed + fetchedDeleted.length;
    const cases = {
      [RULE.LIST_DELETED_HIDDEN]: lists.length > 0 ? deletedMet : 0,
      [RULE.LIST_INTERNAL_NOT_DELETED]: embedded.length,
      [RULE.LIST_DELETED_MODIFIED_SINCE]: since.listed + since.checkedKnown,
      [RULE.DEL_FLAG]: since.fetched + since.unflaggedChecked,
      [RULE.DEL_KEEP]: since.listed + fetchedDeleted.length,
      [RULE.DEL_STATUS]: since.fetched + fetchedDeleted.length,
    };
    const cutOff = [...cutOffOf(crawl, type), ...since.cutOff];
    return judgeCases(check, { findings, cases, cutOff, unreached: unreachedOf(crawl, type), nothing: `the crawl met no oparl:${type}` }, options.maxFindings);
  },
};

interface SinceLists {
  findings: Finding[];
  /** The deleted objects those lists gave. */
  listed: number;
  /** The deleted objects fetched at their own URL. */
  fetched: number;
  /** The objects those lists gave that the complete lists without modified_since leave out. */
  unflaggedChecked: number;
  /** The deleted objects the crawl met, looked for in complete lists read with modified_since. */
  checkedKnown: number;
  /** The lists read with modified_since that the page limit cut. */
  cutOff: CutOff[];
}

/** The lists of each body read with modified_since: deleted objects there, and only there. */
async function modifiedSinceFindings(context: CheckContext, crawl: OParlCrawl, type: string | undefined, options: DeletedObjectsOptions): Promise<SinceLists> {
  const since = options.since ?? '1970-01-01T00:00:00+00:00';
  const findings: Finding[] = [];
  const listed = new Map<unknown, { item: JsonObject; page: ReadPage; index: number }>();
  let complete = true;
  let unflaggedChecked = 0;
  const cutOff: CutOff[] = [];
  const bodyLists = bodyListsOf(crawl, type);
  for (const list of bodyLists) {
    const url = withParameters((list.pages[0] as Fetched).url, { modified_since: since });
    const read = await readList(context, url, options.maxPages ?? crawl.record.budget.maxPagesPerList);
    if (read.end === 'pageLimit') cutOff.push({ url, budget: 'maxPagesPerList', depth: 0 });
    if (read.end === 'failed') {
      // Listing deleted objects with modified_since is OParl 1.1's rule; the others read the list to find them.
      const unread = unreadFinding(read.unread, RULE.LIST_DELETED_MODIFIED_SINCE, 'list-unreadable', `with modified_since=${since}: `);
      findings.push(unread, ...[RULE.DEL_FLAG, RULE.DEL_KEEP, RULE.DEL_STATUS].map((rule) => ({ ...unread, rule, undecided: true as const })));
    }
    const own = new Map<unknown, { item: JsonObject; page: ReadPage; index: number }>();
    read.pages.forEach((page) => pageItems(page).forEach((item, index) => own.set(item.id, { item, page, index })));
    own.forEach((entry, id) => listed.set(id, entry));
    complete &&= read.end === 'complete';
    if (read.end !== 'complete' || list.end !== 'complete') continue;
    const unfiltered = new Set(list.pages.flatMap(pageItems).map((item) => item.id));
    for (const { item, page, index } of own.values()) {
      if (item.deleted === true || unfiltered.has(item.id)) continue;
      unflaggedChecked += 1;
      const message = `with modified_since=${since} the list gives ${JSON.stringify(item.id)}, which the list without it leaves out, without deleted: true`;
      findings.push(responseFinding(page, RULE.DEL_FLAG, 'deleted-unflagged', message, { pointer: `/data/${index}` }));
    }
  }
  const deleted = [...listed.values()].filter(({ item }) => item.deleted === true);
  for (const { item, page, index } of deleted) findings.push(...keptFindings(item, page, `/data/${index}`));
  const fetched = deleted.slice(0, options.maxObjects ?? 5).flatMap(({ item }) => (typeof item.id === 'string' ? [item.id] : []));
  for (const id of fetched) findings.push(...(await ownUrlFindings(context, crawl, id)));
  const known = (crawl.occurrences.byType.get(type) ?? []).filter((occurrence) => occurrence.role === 'fetched' && occurrence.object.deleted === true);
  const checkedKnown = complete ? known : [];
  for (const occurrence of checkedKnown.filter((candidate) => !listed.has(candidate.object.id))) {
    findings.push(objectFinding(occurrence, RULE.LIST_DELETED_MODIFIED_SINCE, 'deleted-not-listed', `the deleted object is missing from the lists read with modified_since=${since}`));
  }
  return { findings, listed: deleted.length, fetched: fetched.length, unflaggedChecked, checkedKnown: checkedKnown.length, cutOff };
}
