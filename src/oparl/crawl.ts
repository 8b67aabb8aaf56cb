/**
 * The crawl every OParl check judges: one per run and budget, from the System object at the
 * target's URL along the links an OParl client follows (src/crawl/oparl-links.ts), with the
 * occurrences of objects in it, and — by the type of object they would have given — what the
 * budget cut off and which links got no answer (a link to a host not allowed among them: the
 * HTTP client refuses it unsent). Every page of every list is read; objects are judged where
 * the lists give them, and a sample of each type is fetched again at its own URL. A System of
 * another OParl version ends the crawl at the entry (`stopped`).
 */
import type { CheckContext } from '../checks/types.js';
import type { Finding } from '../model/types.js';
import type { JsonObject } from '../openapi/types.js';
import { BUDGET_OPTIONS_SCHEMA, crawlBudgetOf, crawlKey, fetchedByUrl, normaliseUrl, oparlLinksWith, sharedCrawl } from '../crawl/index.js';
import type { CrawlBudget, CrawlFailure, CrawlRecord, CrawledList, CutOff, Fetched } from '../crawl/types.js';
import { typeOfUri, typesReachedFrom, type OParlModel } from './model.js';
import { unansweredFinding } from './findings.js';
import { collectOccurrences, type Occurrences } from './occurrences.js';
import type { Rule } from './rules.js';
import { oparlStandard } from './standard.js';

export interface CrawlOptions {
  budget?: Partial<CrawlBudget>;
}

/** The options every OParl check kind takes, for its optionsSchema's `properties`. */
export const CRAWL_OPTIONS_PROPERTIES = { budget: BUDGET_OPTIONS_SCHEMA } as const;

export interface OParlCrawl {
  record: CrawlRecord;
  model: OParlModel;
  occurrences: Occurrences;
  /** Every fetched response (objects and list pages) by normalised URL. */
  fetched: ReadonlyMap<string, Fetched>;
  /** Objects the lists gave, by their normalised id: judged there, most never fetched at their own URL. */
  listed: ReadonlyMap<string, JsonObject>;
  /** Lists by the normalised URL of their first page. */
  lists: ReadonlyMap<string, CrawledList>;
  /** Links that did not answer, by normalised URL. */
  failures: ReadonlyMap<string, CrawlFailure>;
  /** What the budget cut off, by the type of object it would have given (undefined: unknown). */
  cutOffByType: ReadonlyMap<string | undefined, CutOff[]>;
  /**
   * Links that got no answer at all (transport failures) to objects the crawl did not meet
   * elsewhere, by the type the link leads to and by every type the crawl met nothing of that
   * objects of that type lead on to: what they hold is unknown.
   */
  unreachedByType: ReadonlyMap<string | undefined, CrawlFailure[]>;
}

/** Adds `item` to the entries of `key`. */
function addTo<T>(map: Map<string | undefined, T[]>, key: string | undefined, item: T): void {
  const entries = map.get(key);
  if (entries) entries.push(item);
  else map.set(key, [item]);
}

/** The properties of each type that lead to external lists, by the type's URI. */
function listProperties(model: OParlModel): (typeUri: unknown) => ReadonlySet<string> | undefined {
  const byUri = new Map<string, ReadonlySet<string>>();
  for (const type of model.types.values()) {
    byUri.set(type.uri, new Set([...type.relations].filter(([, relation]) => relation.kind === 'list').map(([name]) => name)));
  }
  return (typeUri) => (typeof typeUri === 'string' ? byUri.get(typeUri) : undefined);
}

/** OParl §2.10, System `oparlVersion`: a System of another version is judged by that version's suite. */
const OPARL_VERSION = /^https:\/\/schema\.oparl\.org\/(\d+\.\d+)\/$/;

/** Why the crawl ends at the entry: it serves a System of another OParl version. */
function otherVersion(model: OParlModel): (entry: Fetched) => string | undefined {
  return ({ json }) => {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
    const { type, oparlVersion } = json as Record<string, unknown>;
    const version = typeof oparlVersion === 'string' ? OPARL_VERSION.exec(oparlVersion)?.[1] : undefined;
    const system = typeof type === 'string' && /\/System$/.test(type) && (typeOfUri(model, type) === undefined || typeOfUri(model, type)?.name === 'System');
    if (!system || version === undefined || oparlVersion === model.namespace) return undefined;
    return `the server speaks OParl ${version}, not ${model.version}: run the suite oparl-${version}`;
  };
}

async function build(context: CheckContext, options: CrawlOptions): Promise<OParlCrawl> {
  const { model } = await oparlStandard(context);
  const record = await sharedCrawl(context, { extract: oparlLinksWith(listProperties(model)), stop: otherVersion(model), ...(options.budget ? { budget: options.budget } : {}) });
  const occurrences = collectOccurrences(record, model);
  const cutOffByType = new Map<string | undefined, CutOff[]>();
  for (const cut of record.cutOff) addTo(cutOffByType, occurrences.typeOfLink(cut.via), cut);
  const lists = new Map(record.lists.map((list) => [list.url, list]));
  const failures = new Map(record.failures.map((failure) => [failure.url, failure]));
  const met = new Set(occurrences.all.flatMap(({ object }) => (typeof object.id === 'string' ? [normaliseUrl(object.id) ?? object.id] : [])));
  /** A link's type, and the types its objects lead on to that the crawl met nothing of. */
  const unknownBehind = new Map<string, string[]>();
  const behind = (type: string): string[] => {
    let types = unknownBehind.get(type);
    if (!types) unknownBehind.set(type, (types = [...typesReachedFrom(model, type)].filter((reached) => reached === type || !occurrences.byType.has(reached))));
    return types;
  };
  const unreachedByType = new Map<string | undefined, CrawlFailure[]>();
  for (const failure of record.failures.filter((candidate) => candidate.status === undefined && !met.has(candidate.url))) {
    const entry = failure.url === record.entry;
    const type = entry ? 'System' : occurrences.typeOfLink(failure.via);
    // The entry's failure leaves every type unknown already (unreachedOf).
    for (const unreached of entry || type === undefined ? [type] : behind(type)) addTo(unreachedByType, unreached, failure);
  }
  const listed = new Map<string, JsonObject>();
  for (const { role, object } of occurrences.all) {
    if (role === 'listItem' && typeof object.id === 'string') listed.set(normaliseUrl(object.id) ?? object.id, object);
  }
  return { record, model, occurrences, fetched: fetchedByUrl(record), listed, lists, failures, cutOffByType, unreachedByType };
}

export function oparlCrawl(context: CheckContext, options: CrawlOptions): Promise<OParlCrawl> {
  const entry = context.target.url ?? '';
  return context.memo(`oparl:${crawlKey(entry, crawlBudgetOf(context, options.budget))}`, () => build(context, options));
}

/**
 * The object at `url` as the server gives it: its answer there, else its copy in a list (a list
 * item is the object whole, §2.5; an embedded copy may leave out its back-reference, so it is
 * not one).
 */
export function objectAt(crawl: OParlCrawl, url: string): unknown {
  const key = normaliseUrl(url) ?? url;
  const fetched = crawl.fetched.get(key);
  return fetched ? fetched.json : crawl.listed.get(key);
}

/** Whether the crawl asked the object's own URL: it answered, or failed. */
export function ownUrlAsked(crawl: OParlCrawl, id: unknown): boolean {
  if (typeof id !== 'string') return false;
  const key = normaliseUrl(id) ?? id;
  return crawl.fetched.has(key) || crawl.failures.has(key);
}

/** Links without an answer that could have led to objects of `type` (the entry's to any). */
export function unreachedOf(crawl: OParlCrawl, type: string | undefined): CrawlFailure[] {
  const entry = crawl.record.failures.filter((failure) => failure.url === crawl.record.entry && type !== 'System');
  return [...entry, ...(type === undefined ? [] : (crawl.unreachedByType.get(type) ?? [])), ...(crawl.unreachedByType.get(undefined) ?? [])];
}

/** Every link of the crawl that got no answer at all: for checks of the whole server. */
export function allUnreached(crawl: OParlCrawl): CrawlFailure[] {
  return crawl.record.failures.filter((failure) => failure.status === undefined);
}

/** What the budget cut off that could have been of `type`: entries of that type and of none known. */
export function cutOffOf(crawl: OParlCrawl, type: string | undefined): CutOff[] {
  return [...(type === undefined ? [] : (crawl.cutOffByType.get(type) ?? [])), ...(crawl.cutOffByType.get(undefined) ?? [])];
}

/**
 * When no answer came for a URL a check needs: its transport failure, which leaves `rule`
 * undecided, for what the check would have compared (`consequence` says what) is unknown. A URL
 * answered with an error status is no object at all; links-resolve fails the link, and there is
 * nothing to compare.
 */
export function unanswered(crawl: OParlCrawl, url: unknown, rule: Rule, consequence: string): Finding[] {
  const failure = typeof url === 'string' ? crawl.failures.get(normaliseUrl(url) ?? url) : undefined;
  if (!failure || failure.status !== undefined) return [];
  return [unansweredFinding(failure, rule, { consequence })];
}
