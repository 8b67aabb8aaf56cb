/**
 * The crawl of a hypermedia API (OParl, OGC API – Features): start at one URL, follow the links
 * a LinkExtractor finds, each URL once, within budgets, and record what came back.
 *
 *   // in a check kind's `subjects`: one crawl per run, entry and budget (shared.ts)
 *   const record = await sharedCrawl(context, { extract: oparlLinks, budget: options.budget });
 *
 * A link to a host the target does not allow is refused by the HTTP client, unsent: a failure
 * (`hostNotAllowed`) like a link that got no answer, and what lies behind it is as unknown. What a
 * budget kept from being fetched is in `cutOff`; checks report it as `untested` (see
 * untested.ts), never as passed.
 */
import type { HttpClient } from '../http/types.js';
import type { HttpFailureReason } from '../model/exchange.js';

export interface CrawlBudget {
  /** Requests the crawl may send, list pages included. */
  maxRequests: number;
  /** Link steps from the entry (depth 0); the pages of a list share the depth of its first page. */
  maxDepth: number;
  /** Pages fetched of one list, the first page included. */
  maxPagesPerList: number;
  /** Wall time after which no request is started; those in flight end within the client's deadline. */
  maxTimeMs: number;
  /**
   * Objects a body already gave (list items, embedded objects) fetched again at their own URL,
   * per group (OParl: per type); 'all' fetches every one. Objects no body gave are always fetched.
   */
  sample: number | 'all';
}

/** The budgets that can cut a crawl off (the sample only chooses what is fetched twice). */
export type BudgetName = Exclude<keyof CrawlBudget, 'sample'>;

/** Where a link was found: the URL of the referring response and the JSON pointer of the value. */
export interface LinkSource {
  from: string;
  pointer: string;
}

export interface FoundLink {
  /** Absolute URL (a relative one is resolved against the referring response's URL). */
  url: string;
  /** JSON pointer of the value in the referring body. */
  pointer: string;
  /**
   * The link leads to one object, not to a list: it waits until the lists known are read, and
   * is fetched then only if no body gave the object, or if it falls in the sample.
   */
  object?: true;
}

/** What a LinkExtractor sees of one response with a JSON body. */
export interface ExtractInput {
  url: string;
  json: unknown;
  /** Link steps from the entry. */
  depth: number;
}

export interface Extraction {
  /** Links to follow. */
  links: FoundLink[];
  /** Set when the body is a page of a list; `next` is its link to the following page, if any. */
  page?: { next?: FoundLink };
  /**
   * Objects inside the body that are also served at a URL of their own (the items of a list
   * page, embedded objects). When the crawl fetches that URL and the answer equals the
   * object, the record keeps the one copy for both.
   */
  inner?: InnerObject[];
}

/** An object inside a body that has a URL of its own. */
export interface InnerObject {
  url: string;
  value: unknown;
  /** What the sample counts it under (OParl: its type URI). */
  group: string;
}

/** Decides what to follow in a JSON body; OParl's is `oparlLinks` (oparl-links.ts). */
export type LinkExtractor = (input: ExtractInput) => Extraction;

/** One response with a 2xx status. */
export interface Fetched {
  /** The URL requested, normalised (see normalise.ts). */
  url: string;
  /** The URL of the final response, when redirects led elsewhere. */
  finalUrl?: string;
  /** ID of the recorded exchange: the evidence of every finding about this response. */
  exchange: string;
  status: number;
  /** Header names in lower case, as HttpResponse gives them. */
  headers: Record<string, string | string[]>;
  /** The Content-Type header, as sent. */
  contentType?: string;
  /** The parsed body; absent when it is not JSON (see `invalidJson`). */
  json?: unknown;
  /** Why the body could not be parsed, with the position of the first error. */
  invalidJson?: { message: string; line: number; column: number };
  /** What is wrong with the body's bytes as UTF-8 (RFC 8259 §8.1): a byte order mark, or bytes that are not UTF-8. */
  encoding?: 'byteOrderMark' | 'notUtf8';
  bytes: number;
  depth: number;
  /** Absent for the entry. */
  via?: LinkSource;
}

/** A list reached through its first page, with the pages its `next` links led to, in order. */
export interface CrawledList {
  /** URL of the first page fetched. */
  url: string;
  pages: Fetched[];
  /**
   * complete: the last page has no next link; loop: a next link points to a URL already
   * known (`loopTo`); failed: a page could not be fetched (see failures); cutOff: a budget
   * stopped the pagination (see cutOff).
   */
  end: 'complete' | 'loop' | 'failed' | 'cutOff';
  loopTo?: string;
}

/** A link that did not give a 2xx response: an HTTP error status or a transport failure. */
export type CrawlFailure = {
  url: string;
  exchange: string;
  message: string;
  depth: number;
  via?: LinkSource;
} & (
  | {
      /** HTTP status of a 4xx or 5xx answer. */
      status: number;
      reason?: undefined;
    }
  | {
      status?: undefined;
      /** The transport failure, when no answer came. */
      reason: HttpFailureReason;
    }
);

/** A URL known but not fetched, and the budget (or the run's end) that kept it from being fetched. */
export interface CutOff {
  url: string;
  /** aborted: the run ended; stopped: the crawl's `stop` ended it (see CrawlOptions). */
  budget: BudgetName | 'aborted' | 'stopped';
  depth: number;
  via?: LinkSource;
}

export interface CrawlRecord {
  entry: string;
  budget: CrawlBudget;
  /** Responses that are not list pages, ordered by URL. */
  objects: Fetched[];
  /** Lists ordered by the URL of their first page. */
  lists: CrawledList[];
  failures: CrawlFailure[];
  cutOff: CutOff[];
  /** Requests sent. */
  requests: number;
  /** Links found to URLs already known (cycles, back-references, repeated references). */
  repeatedLinks: number;
  /** Per sample group, in order: the objects bodies gave with a URL of their own, and how many of those were fetched there. */
  sampled: Array<{ group: string; given: number; fetched: number }>;
  /** Why the crawl stopped after its entry (CrawlOptions.stop), if it did. */
  stopped?: string;
  durationMs: number;
}

export interface CrawlOptions {
  entry: string;
  /** Sends the crawl's requests; it refuses those to hosts the target does not allow. */
  http: HttpClient;
  extract: LinkExtractor;
  budget?: Partial<CrawlBudget>;
  /** Requests the crawler keeps in flight; the client's own concurrency limit applies as well. */
  concurrency?: number;
  /** Request headers, e.g. `accept`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Looks at the entry's answer: a reason given ends the crawl there (an API of another version,
   * say), and every link found is cut off as `stopped`.
   */
  stop?: (entry: Fetched) => string | undefined;
}
