/**
 * The documents an API definition's references lead to on the hosts given with
 * `--allow-ref-host`, fetched breadth first through the run's HTTP client (so its size, time and
 * redirect limits and its address policy hold): the definition's references, then those of the
 * documents fetched, at most `REF_BOUNDS.depth` levels deep and `REF_BOUNDS.documents` documents
 * in all. A reference is resolved against the URL of the document it is written in (RFC 3986 §5).
 * Each document is read as JSON or YAML; one that cannot be had or read is an outcome that the
 * checks report as undecided, never an error. Without a fetcher nothing is fetched.
 */
import { sha256 } from '../core/sha256.js';
import { isKonformError } from '../model/errors.js';
import type { FetchedDocument } from '../model/report.js';
import { parseSource } from '../openapi/parse-source.js';
import type { JsonObject } from '../openapi/types.js';
import { documentUrl, remoteRefs, type DocumentOutcome, type SourceDocument, type UnresolvedReason } from './ref-catalog.js';

export const REF_BOUNDS = { documents: 50, depth: 8 } as const;

export interface RefFetcher {
  /** Whether references to `url` may be fetched: its host was given with `--allow-ref-host`. */
  allows(url: URL): boolean;
  /** GETs the document at `url`: its body and the URL it came from (after redirects), or why there is none. */
  get(url: string): Promise<{ body: Buffer; url: string } | { problem: string }>;
}

export interface FetchedRefs {
  /** The documents fetched and read, each with its place under `x-konform-fetched`. */
  documents: SourceDocument[];
  /** What became of every remote document referred to, by its URL without fragment. */
  outcomes: Map<string, DocumentOutcome>;
  /** Every document that answered with a body, read or not: what the report names. */
  received: FetchedDocument[];
}

const isHttp = (url: URL): boolean => url.protocol === 'http:' || url.protocol === 'https:';

/** The JSON or YAML object in `body`, or why it is none. */
function readDocument(url: string, body: Buffer): { data: JsonObject } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { problem: 'is not UTF-8 text' };
  }
  try {
    return { data: parseSource(url, text).data };
  } catch (error) {
    if (!isKonformError(error)) throw error;
    return { problem: `cannot be read: ${error.message}` };
  }
}

/** Why a document is not fetched, where it is not: a host not listed, or a bound reached. */
function notFetched(url: URL, fetcher: RefFetcher | undefined, depth: number, requested: number): UnresolvedReason | undefined {
  if (!fetcher || !isHttp(url) || !fetcher.allows(url)) return { kind: 'host-not-listed', ...(isHttp(url) ? { host: url.host } : {}) };
  if (depth <= REF_BOUNDS.depth && requested < REF_BOUNDS.documents) return undefined;
  const bound = `konform fetches at most ${REF_BOUNDS.documents} documents for an API definition, ${REF_BOUNDS.depth} references deep`;
  return { kind: 'over-bound', url: documentUrl(url), bound };
}

export async function fetchRefs(definition: SourceDocument, pinnedFiles: ReadonlySet<string>, fetcher: RefFetcher | undefined): Promise<FetchedRefs> {
  const fetched: FetchedRefs = { documents: [], outcomes: new Map(), received: [] };
  const wanted = new Set<string>();
  let level = [definition];
  for (let depth = 1; level.length > 0; depth += 1) {
    const asked: string[] = [];
    for (const url of level.flatMap((document) => remoteRefs(document, pinnedFiles))) {
      const key = documentUrl(url);
      if (wanted.has(key) || fetched.outcomes.has(key)) continue;
      const reason = notFetched(url, fetcher, depth, wanted.size);
      if (reason) fetched.outcomes.set(key, { fetched: false, reason });
      else {
        wanted.add(key);
        asked.push(key);
      }
    }
    const answers = await Promise.all(asked.map((url) => (fetcher as RefFetcher).get(url)));
    level = [];
    asked.forEach((url, position) => {
      const answer = answers[position] as Awaited<ReturnType<RefFetcher['get']>>;
      const read = 'problem' in answer ? answer : readDocument(answer.url, answer.body);
      if ('body' in answer) fetched.received.push({ url, sha256: sha256(answer.body), bytes: answer.body.length });
      if ('problem' in read) {
        fetched.outcomes.set(url, { fetched: false, reason: { kind: 'unreadable', url, problem: read.problem } });
        return;
      }
      const index = fetched.documents.length;
      const document: SourceDocument = { data: read.data, url: 'body' in answer ? answer.url : url, fetched: { index, asked: url } };
      fetched.documents.push(document);
      fetched.outcomes.set(url, { fetched: true, index });
      level.push(document);
    });
  }
  return fetched;
}
