/**
 * `crawl-vs-undici`: konform's crawl (src/crawl) of a 10 000-object OParl reference server
 * against a plain undici crawl of the same URLs at the same concurrency, and the crawl's memory.
 *
 * Each crawl runs in a child process of its own, so that its resident memory can be read
 * (process.resourceUsage().maxRSS) and neither side inherits the other's heap or JIT; the
 * time is taken inside the child, from the first request to the last answer. konform's side
 * is what an OParl check kind does: konform's HTTP client (rate limit off, default
 * concurrency), every exchange recorded and kept as a run keeps it, the OParl link extractor,
 * the record kept to the end. The plain crawl starts at the entry too and finds its URLs in
 * the bodies it parses (every URL string konform also requested, each once), `concurrency`
 * at a time, with undici's `request` and JSON.parse and nothing else. Beside it, a replay
 * sends GET to konform's URL list in konform's order without parsing for links: the least a
 * client can do for the same requests. The server (fixtures/oparl/start.ts) runs in a process
 * of its own. Rounds alternate konform, the plain crawl and the replay after one uncounted
 * round of each.
 *
 * Targets: konform's median wall time at most 1.3 times the plain crawl's (plain crawl ÷
 * konform ≥ 1/1.3) and its highest resident memory under 256 MB; `pass` requires both. The
 * ratio to the replay is reported beside it.
 *
 * As a child: node dist/bench/crawl.js konform <entry URL> <URL list file to write>
 *             node dist/bench/crawl.js undici-crawl <entry URL> <URL list file>
 *             node dist/bench/crawl.js undici <URL list file>
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { crawl } from '../src/crawl/crawler.js';
import { oparlLinks } from '../src/crawl/oparl-links.js';
import { createHttpClient } from '../src/http/client.js';
import { DEFAULT_LIMITS } from '../src/http/types.js';
import { type Exchange } from '../src/model/exchange.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

export const OBJECTS = 10_000;
const PAGE_SIZE = 20;
const ROUNDS = 9;
const CONCURRENCY = DEFAULT_LIMITS.concurrency;
const MAX_RSS_MB = 256;
const MAX_SLOWDOWN = 1.3;
/** Enough for every object of the server, each fetched at its own URL too (`sample: 'all'`): the crawl engine at full load. */
export const BUDGET = { maxRequests: 100_000, maxDepth: 8, maxPagesPerList: 10_000, maxTimeMs: 600_000, sample: 'all' as const };

interface ChildFigures {
  ms: number;
  requests: number;
  maxRssMb: number;
  objects?: number;
  listPages?: number;
  failures?: number;
  exchanges?: number;
}

const maxRssMb = (): number => round(process.resourceUsage().maxRSS / 1024);

async function konformChild(entry: string, urlFile: string): Promise<ChildFigures> {
  const exchanges: Exchange[] = [];
  const host = new URL(entry).host;
  const http = createHttpClient({ allowedHosts: [host], limits: { ...DEFAULT_LIMITS, ratePerHost: 0 }, record: (exchange) => exchanges.push(exchange), userAgent: 'konform-bench' });
  const started = performance.now();
  const record = await crawl({ entry, http, extract: oparlLinks, budget: BUDGET });
  const ms = performance.now() - started;
  await http.close();
  await writeFile(urlFile, exchanges.map(({ request: { url } }) => url).join('\n'));
  const listPages = record.lists.reduce((sum, list) => sum + list.pages.length, 0);
  // The record and the exchanges are alive up to here, as in a run that still has to judge them.
  return { ms, requests: record.requests, maxRssMb: maxRssMb(), objects: record.objects.length, listPages, failures: record.failures.length, exchanges: exchanges.length };
}

async function undiciChild(urlFile: string): Promise<ChildFigures> {
  const urls = (await readFile(urlFile, 'utf8')).split('\n');
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const response = await request(urls[next++] as string);
      JSON.parse(await response.body.text());
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { ms: performance.now() - started, requests: urls.length, maxRssMb: maxRssMb() };
}

/**
 * A plain crawl with undici: from the entry, every URL string in an answer that konform also
 * requested is fetched once, `CONCURRENCY` at a time, its body parsed as JSON and walked for
 * more. It finds its URLs as a crawler does, without konform's evidence, limits and record.
 */
async function undiciCrawlChild(entry: string, urlFile: string): Promise<ChildFigures> {
  const wanted = new Set((await readFile(urlFile, 'utf8')).split('\n'));
  const seen = new Set([entry]);
  const queue = [entry];
  let next = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (!wanted.has(value) || seen.has(value)) return;
      seen.add(value);
      queue.push(value);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    const pump = (): void => {
      while (inFlight < CONCURRENCY && next < queue.length) {
        inFlight += 1;
        request(queue[next++] as string)
          .then((response) => response.body.text())
          .then((text) => {
            visit(JSON.parse(text));
            inFlight -= 1;
            pump();
          }, reject);
      }
      if (inFlight === 0 && next === queue.length) resolve();
    };
    pump();
  });
  return { ms: performance.now() - started, requests: next, maxRssMb: maxRssMb() };
}

async function inChild(args: string[]): Promise<ChildFigures> {
  const finished = await runProcess(process.execPath, [fileURLToPath(import.meta.url), ...args]);
  if (finished.code !== 0) throw new Error(`crawl child ${args[0]} exited with ${finished.code}: ${finished.stderr}`);
  return JSON.parse(finished.stdout) as ChildFigures;
}

/** The reference server with OBJECTS objects in its own process; resolves with its entry URL. */
export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const script = join(PACKAGE_ROOT, 'dist', 'fixtures', 'oparl', 'start.js');
  const child = spawn(process.execPath, [script, '--objects', String(OBJECTS), '--page-size', String(PAGE_SIZE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('\n')) resolve(printed.split('\n')[0]?.trim() ?? '');
    });
    child.once('exit', (code) => reject(new Error(`the OParl server exited with ${code} before it listened`)));
  });
  return { url, close: async () => void (child.kill('SIGTERM'), await exited) };
}

export async function crawlVsUndici(): Promise<Measurement> {
  const base = {
    id: 'crawl-vs-undici',
    title: `OParl crawl of ${OBJECTS} objects vs a plain undici crawl of the same URLs (wall time), and its memory`,
    target: { ratio: round(1 / MAX_SLOWDOWN, 3), meaning: `plain undici crawl wall time ÷ konform wall time (konform at most ${MAX_SLOWDOWN}×), and konform max RSS < ${MAX_RSS_MB} MB` },
  };
  const loadBefore = loadAverage();
  const server = await startServer();
  const scratch = await mkdtemp(join(tmpdir(), 'konform-crawl-bench-'));
  const urlFile = join(scratch, 'urls.txt');
  const konform: ChildFigures[] = [];
  const undici: ChildFigures[] = [];
  const replay: ChildFigures[] = [];
  const oneRound = async () => [
    await inChild(['konform', server.url, urlFile]),
    await inChild(['undici-crawl', server.url, urlFile]),
    await inChild(['undici', urlFile]),
  ];
  try {
    await oneRound();
    for (let index = 0; index < ROUNDS; index += 1) {
      const [konformRound, undiciRound, replayRound] = await oneRound();
      konform.push(konformRound as ChildFigures);
      undici.push(undiciRound as ChildFigures);
      replay.push(replayRound as ChildFigures);
    }
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
  const konformMs = median(konform.map(({ ms }) => ms));
  const undiciMs = median(undici.map(({ ms }) => ms));
  const replayMs = median(replay.map(({ ms }) => ms));
  const highestRss = Math.max(...konform.map(({ maxRssMb: rss }) => rss));
  const result = measured(
    base,
    undiciMs / konformMs,
    { konform: `${round(konformMs / 1000, 2)} s, max RSS ${highestRss} MB`, baseline: `undici crawl ${round(undiciMs / 1000, 2)} s` },
    {
      objects: OBJECTS,
      pageSize: PAGE_SIZE,
      concurrency: CONCURRENCY,
      rounds: ROUNDS,
      konform: {
        medianMs: round(konformMs),
        roundsMs: konform.map(({ ms }) => round(ms)),
        maxRssMb: konform.map(({ maxRssMb: rss }) => rss),
        requests: konform[0]?.requests,
        exchanges: konform[0]?.exchanges,
        objects: konform[0]?.objects,
        listPages: konform[0]?.listPages,
        failures: konform[0]?.failures,
      },
      undiciCrawl: { medianMs: round(undiciMs), roundsMs: undici.map(({ ms }) => round(ms)), maxRssMb: undici.map(({ maxRssMb: rss }) => rss), requests: undici[0]?.requests },
      slowdown: round(konformMs / undiciMs, 3),
      undiciReplay: {
        medianMs: round(replayMs),
        roundsMs: replay.map(({ ms }) => round(ms)),
        requests: replay[0]?.requests,
        ratio: round(replayMs / konformMs, 3),
        slowdown: round(konformMs / replayMs, 3),
      },
      memory: { highestMaxRssMb: highestRss, limitMb: MAX_RSS_MB, pass: highestRss < MAX_RSS_MB },
      loadAverage: { before: loadBefore, after: loadAverage() },
    },
    [
      'Each crawl runs in a fresh child process; wall time is taken inside it from the first request to the last answer (process start and module loading excluded on both sides).',
      "konform: src/crawl with konform's HTTP client (limits.ratePerHost 0, default concurrency), every exchange kept, the OParl link extractor, the record kept.",
      'undiciCrawl (the baseline): undici request from the entry, each body parsed as JSON and walked for the URL strings konform also requested, each fetched once, same concurrency; it makes the same requests.',
      "undiciReplay: undici GET of konform's URL list in konform's order, same concurrency, each body parsed as JSON, no link finding.",
      'maxRSS is process.resourceUsage().maxRSS of the konform child at the end of its crawl (the whole process: Node, modules, record, exchanges).',
      'The OParl reference server (fixtures/oparl) runs in its own process; one uncounted round of each comes first.',
    ],
  );
  return result.status === 'measured' ? { ...result, pass: result.pass && highestRss < MAX_RSS_MB } : result;
}

async function child(args: string[]): Promise<void> {
  const [mode, first, second] = args;
  const figures =
    mode === 'konform'
      ? await konformChild(first as string, second as string)
      : mode === 'undici-crawl'
        ? await undiciCrawlChild(first as string, second as string)
        : await undiciChild(first as string);
  process.stdout.write(JSON.stringify(figures));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv.slice(2));
