/**
 * crawl: from the entry URL, follow the links the extractor finds, each normalised URL once,
 * keeping `concurrency` requests in flight, until nothing is left or a budget runs out.
 * A link to a host the target does not allow is asked of the HTTP client like any other: the
 * client refuses it unsent, and the refusal (`hostNotAllowed`, with its exchange) is recorded
 * as the link's failure, evidence of what konform could not examine. A next link to a URL
 * already known ends its list as a loop; what a budget (or the run's end) kept from being
 * fetched is recorded as cut off; an object found inside a body and equal at its own URL is
 * kept once (twins.ts). Links to single objects wait until the lists known are read: then the
 * objects no body gave are fetched, and a sample of those bodies gave (sample.ts). `stop` may
 * end the crawl at its entry. See types.ts for the record.
 */
import { DEFAULT_LIMITS } from '../http/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { resolveBudget } from './budget.js';
import { fetchPending } from './fetch.js';
import { Frontier, type Pending } from './frontier.js';
import { normaliseUrl } from './normalise.js';
import { createRecorder } from './recorder.js';
import { Sample } from './sample.js';
import { Twins } from './twins.js';
import type { CrawlOptions, CrawlRecord, CrawledList, CutOff, Extraction, Fetched, FoundLink } from './types.js';

const NOTHING_NEW: Extraction = { links: [] };

/** A link that does not depend on the URL it was found at, so its spelling can stand for it. */
const ABSOLUTE = /^https?:\/\//i;

export async function crawl(options: CrawlOptions): Promise<CrawlRecord> {
  const started = performance.now();
  const budget = resolveBudget(options.budget);
  const entry = normaliseUrl(options.entry);
  if (!entry) throw new KonformError(ERROR_CODES.TARGET_INVALID, `the crawl entry is not an http(s) URL: ${options.entry}`);
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_LIMITS.concurrency);
  const deadline = started + budget.maxTimeMs;
  const frontier = new Frontier();
  const known = new Set<string>([entry]);
  /** Absolute spellings of links seen, and the normalised URL each stands for. */
  const spellings = new Map<string, string>();
  const twins = new Twins();
  const sample = new Sample(budget.sample);
  /** Links to single objects, waiting for the lists known to be read. */
  let waiting: Pending[] = [];
  const requested = new Set<string>();
  const recorder = createRecorder(entry, budget);
  frontier.push({ url: entry, depth: 0 });
  let requests = 0;
  let inFlight = 0;
  let stopped: string | undefined;

  /** A link found in `from` (a list page when `list` is set and the link is its next link). */
  const discover = (link: FoundLink, from: Fetched, list?: CrawledList): void => {
    // Most links repeat a spelling seen before (every spelling seen stands for a known URL);
    // only a new spelling is normalised.
    const seen = spellings.get(link.url);
    const url = seen ?? normaliseUrl(link.url, from.finalUrl ?? from.url);
    if (url === undefined) return;
    if (seen === undefined && ABSOLUTE.test(link.url)) spellings.set(link.url, url);
    if (seen !== undefined || known.has(url)) {
      recorder.repeated();
      if (list) recorder.endList(list, 'loop', url);
      return;
    }
    const via = { from: from.url, pointer: link.pointer };
    const depth = list ? from.depth : from.depth + 1;
    known.add(url);
    const item: Pending = { url, depth, via, ...(list ? { list } : {}) };
    if (depth > budget.maxDepth) return recorder.cut(item, 'maxDepth');
    if (list && list.pages.length >= budget.maxPagesPerList) return recorder.cut(item, 'maxPagesPerList');
    if (link.object && !list) waiting.push(item);
    else frontier.push(item);
  };

  const settle = (item: Pending, result: Awaited<ReturnType<typeof fetchPending>>): void => {
    if ('aborted' in result) return recorder.cut(item, 'aborted');
    if ('failure' in result) return recorder.failure(result.failure, item.list);
    const { fetched } = result;
    // A twin's links and inner objects were found in the body that held it: nothing new here.
    const extraction =
      fetched.json === undefined ? undefined : result.twin && !item.list ? NOTHING_NEW : options.extract({ url: fetched.url, json: fetched.json, depth: fetched.depth });
    const list = extraction?.page || item.list ? recorder.page(fetched, item.list) : recorder.object(fetched);
    // A next page that is not JSON ends its list unread.
    if (!extraction) return list && recorder.endList(list, 'failed');
    if (item.url === entry && options.stop) stopped = options.stop(fetched);
    for (const link of extraction.links) discover(link, fetched);
    if (list && extraction.page?.next) discover(extraction.page.next, fetched, list);
    for (const { url, value, group } of extraction.inner ?? []) {
      const key = spellings.get(url) ?? normaliseUrl(url, fetched.url);
      if (key === undefined) continue;
      twins.offer(key, value);
      sample.give(key, group);
    }
  };

  /** Why no further request may start, if one is exhausted. */
  const exhausted = (): CutOff['budget'] | undefined => {
    if (options.signal?.aborted) return 'aborted';
    if (stopped !== undefined) return 'stopped';
    if (requests >= budget.maxRequests) return 'maxRequests';
    return performance.now() >= deadline ? 'maxTimeMs' : undefined;
  };

  /** Once nothing else is in flight: the object links waiting that are to be fetched, unless the crawl must end. */
  const release = (): boolean => {
    if (waiting.length === 0) return false;
    const chosen = sample.choose(waiting);
    waiting = [];
    const stop = exhausted();
    for (const item of chosen) {
      if (stop) recorder.cut(item, stop);
      else frontier.push(item);
    }
    return true;
  };

  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (inFlight < concurrency && frontier.size > 0) {
        const stop = exhausted();
        if (stop) {
          for (const item of frontier.drain()) recorder.cut(item, stop);
          break;
        }
        const item = frontier.take() as Pending;
        requests += 1;
        requested.add(item.url);
        inFlight += 1;
        fetchPending(options.http, item, options.headers, twins)
          .then((result) => {
            inFlight -= 1;
            settle(item, result);
            pump();
          })
          .catch(reject);
      }
      if (inFlight === 0 && frontier.size === 0) {
        if (release()) pump();
        else resolve();
      }
    };
    pump();
  });
  return recorder.finish({
    requests,
    sampled: sample.summary(requested),
    ...(stopped === undefined ? {} : { stopped }),
    durationMs: Math.round(performance.now() - started),
  });
}
