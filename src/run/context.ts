/**
 * The context a run hands its check kinds: the target, the standard's artifacts, the HTTP
 * client, a run-wide memo and the means to run another suite. What memoised values hold is
 * released by `dispose` when the run ends.
 */
import type { CheckContext } from '../checks/types.js';
import { artifactReader } from '../core/artifact-read.js';
import type { CrawlSummary, FetchedDocument } from '../model/report.js';
import type { Standard } from '../model/types.js';

/** Frees what memoised values hold (wasm memory, engine processes) once the run is over. */
async function disposeAll(values: Iterable<Promise<unknown>>): Promise<void> {
  for (const settled of await Promise.allSettled(values)) {
    const value = settled.status === 'fulfilled' ? settled.value : undefined;
    if (typeof value === 'object' && value !== null && typeof (value as { dispose?: unknown }).dispose === 'function') {
      await (value as { dispose(): unknown }).dispose();
    }
  }
}

type ContextParts = Pick<CheckContext, 'target' | 'standard' | 'http' | 'signal' | 'runSuite' | 'crawlBudget'>;

/** The context, what its crawls read and the documents fetched for references (for the report), and the release of what memoised values hold. */
export function createCheckContext(parts: ContextParts): {
  context: CheckContext;
  crawls: CrawlSummary[];
  fetchedDocuments: FetchedDocument[];
  dispose(): Promise<void>;
} {
  const memo = new Map<string, Promise<unknown>>();
  const crawls: CrawlSummary[] = [];
  const fetchedDocuments: FetchedDocument[] = [];
  const context: CheckContext = {
    ...parts,
    artifact: artifactReader(parts.standard),
    noteCrawl: (summary) => crawls.push(summary),
    noteFetchedDocument: (document) => fetchedDocuments.push(document),
    memo: <T>(key: string, compute: () => Promise<T>) => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as Promise<T>;
    },
  };
  return { context, crawls, fetchedDocuments, dispose: () => disposeAll(memo.values()) };
}
