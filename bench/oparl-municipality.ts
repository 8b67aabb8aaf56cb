/**
 * `oparl-municipality`: `konform run oparl-1.1 --profile without-https` at its default settings
 * against an OParl server shaped like a large city's council information system: the reference
 * server (fixtures/oparl) with the `municipality` shape, OBJECTS objects of every type, list
 * pages of up to PAGE_SIZE objects and LATENCY_MS before every answer. The run must judge the
 * whole municipality (no result untested) within MAX_WALL_MS and under MAX_RSS_MB.
 *
 * The CLI runs as a user runs it, in a process of its own, from spawn to exit; its peak
 * resident memory is getrusage maxRSS, read at its exit (bench/max-rss-at-exit.ts). The server
 * runs in the bench process and counts the requests it receives. Beside it, a plain undici walk
 * of the same server in a child process: every page of every external list (§2.5; the System's
 * bodies, each body's lists, each organization's meetings), following `links.next`, at
 * konform's default concurrency, each page parsed as JSON: the least a client must do to read
 * the whole municipality once (median of WALK_ROUNDS).
 *
 * Targets: wall time ≤ MAX_WALL_MS, peak RSS < MAX_RSS_MB and untested 0; `pass` requires all
 * three. The ratio held to the target is MAX_WALL_MS ÷ konform's wall time; the walk's time
 * ÷ konform's is reported beside it.
 *
 * As a child: node dist/bench/oparl-municipality.js walk <System URL>
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startOParlServer } from '../fixtures/oparl/server.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { DEFAULT_LIMITS } from '../src/http/types.js';
import type { Report } from '../src/model/report.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

const OBJECTS = 20_000;
const PAGE_SIZE = 250;
const LATENCY_MS = 20;
const MAX_WALL_MS = 15_000;
const MAX_RSS_MB = 256;
const WALK_ROUNDS = 3;
const CONCURRENCY = DEFAULT_LIMITS.concurrency;

/** OParl 1.1 §3: the properties that name external object lists, by object type. */
const LIST_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  System: ['body'],
  Body: ['organization', 'person', 'meeting', 'paper', 'agendaItem', 'consultation', 'file', 'locationList', 'legislativeTermList', 'membership'],
  Organization: ['meeting'],
};

interface Walk {
  ms: number;
  lists: number;
  pages: number;
  objects: number;
  maxRssMb: number;
}

type Json = Record<string, unknown>;

async function getJson(url: string): Promise<Json> {
  const response = await request(url);
  return JSON.parse(await response.body.text()) as Json;
}

/** The URLs of the external lists `object` names. */
function listsOf(object: Json): string[] {
  const type = String(object.type ?? '').split('/').at(-1) ?? '';
  return (LIST_PROPERTIES[type] ?? []).map((name) => object[name]).filter((url): url is string => typeof url === 'string');
}

/** Every page of every list from the System at `entry`, CONCURRENCY lists at a time, each list page after page. */
async function walk(entry: string): Promise<Walk> {
  const started = performance.now();
  const queue = listsOf(await getJson(entry));
  let lists = 0;
  let pages = 0;
  let objects = 0;
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const readList = async (first: string): Promise<void> => {
      for (let next: unknown = first; typeof next === 'string'; ) {
        const page = await getJson(next);
        pages += 1;
        const data = Array.isArray(page.data) ? (page.data as Json[]) : [];
        objects += data.length;
        for (const object of data) queue.push(...listsOf(object));
        next = (page.links as Json | undefined)?.next;
      }
    };
    const pump = (): void => {
      while (active < CONCURRENCY && queue.length > 0) {
        active += 1;
        lists += 1;
        readList(queue.shift() as string).then(() => {
          active -= 1;
          pump();
        }, reject);
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  return { ms: performance.now() - started, lists, pages, objects, maxRssMb: round(process.resourceUsage().maxRSS / 1024) };
}

async function walkInChild(entry: string): Promise<Walk> {
  const finished = await runProcess(process.execPath, [fileURLToPath(import.meta.url), 'walk', entry]);
  if (finished.code !== 0) throw new Error(`the undici walk exited with ${finished.code}: ${finished.stderr}`);
  return JSON.parse(finished.stdout) as Walk;
}

export async function oparlMunicipality(): Promise<Measurement> {
  const base = {
    id: 'oparl-municipality',
    title: `konform run oparl-1.1 at default settings against a municipality of ${OBJECTS} OParl objects, ${LATENCY_MS} ms a response: wall time, memory, completeness`,
    target: { ratio: 1, meaning: `${MAX_WALL_MS / 1000} s ÷ konform's wall time (at most ${MAX_WALL_MS / 1000} s), with peak RSS < ${MAX_RSS_MB} MB and no result untested` },
  };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-municipality-'));
  const server = await startOParlServer({ shape: 'municipality', objects: OBJECTS, pageSize: PAGE_SIZE, latencyMs: LATENCY_MS });
  try {
    const loadBefore = loadAverage();
    const walks: Array<Walk & { requests: number }> = [];
    for (let index = 0; index < WALK_ROUNDS; index += 1) {
      const before = server.requests();
      walks.push({ ...(await walkInChild(server.url)), requests: server.requests() - before });
    }
    const out = join(scratch, 'out');
    const peakFile = join(scratch, 'maxrss');
    const cli = [join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'run', 'oparl-1.1', '--profile', 'without-https', '--target', server.url, '--out', out];
    const before = server.requests();
    const run = await runProcess(process.execPath, ['--import', join(PACKAGE_ROOT, 'dist', 'bench', 'max-rss-at-exit.js'), ...cli], {
      env: { KONFORM_BENCH_MAXRSS_FILE: peakFile },
      outputFile: join(scratch, 'output.txt'),
    });
    const requests = server.requests() - before;
    if (run.code === null || run.code === 2 || run.code > 3) throw new Error(`konform run exited with ${run.code}: ${run.stdout.slice(-2000)}`);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as Report;
    const peakMb = round(Number(await readFile(peakFile, 'utf8')) / 1024);
    const walkMs = median(walks.map(({ ms }) => ms));
    const { untested } = report.counts;
    const timePass = run.wallMs <= MAX_WALL_MS;
    const memoryPass = peakMb < MAX_RSS_MB;
    const result = measured(
      base,
      MAX_WALL_MS / run.wallMs,
      {
        konform: `${round(run.wallMs / 1000, 1)} s, ${requests} requests, ${peakMb} MB, untested ${untested}, ${report.verdict}`,
        baseline: `≤ ${MAX_WALL_MS / 1000} s, < ${MAX_RSS_MB} MB, untested 0; undici walk ${round(walkMs / 1000, 2)} s (${walks[0]?.pages} pages)`,
      },
      {
        objects: server.objects,
        pageSize: PAGE_SIZE,
        latencyMs: LATENCY_MS,
        concurrency: CONCURRENCY,
        konform: {
          wallMs: round(run.wallMs, 0),
          requests,
          peakRssMb: peakMb,
          exitCode: run.code,
          verdict: report.verdict,
          complete: report.complete,
          counts: report.counts,
          exchanges: report.exchanges.length,
        },
        targets: { wallMs: MAX_WALL_MS, timePass, peakRssMb: MAX_RSS_MB, memoryPass, untested: 0, untestedPass: untested === 0 },
        undiciWalk: {
          medianMs: round(walkMs, 0),
          roundsMs: walks.map(({ ms }) => round(ms, 0)),
          lists: walks[0]?.lists,
          pages: walks[0]?.pages,
          objectsOnPages: walks[0]?.objects,
          requests: walks[0]?.requests,
          maxRssMb: walks[0]?.maxRssMb,
        },
        walkRatio: round(walkMs / run.wallMs, 3),
        slowdown: round(run.wallMs / walkMs, 2),
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        `konform: \`konform run oparl-1.1 --profile without-https --target <System URL> --out <folder>\`, nothing else (default rate limit, concurrency, timeout and crawl budget), from spawn to exit; peak RSS is getrusage maxRSS of that process at exit.`,
        `The server: fixtures/oparl with shape municipality (${server.objects} objects, ${PAGE_SIZE} per list page, ${LATENCY_MS} ms before every answer), in the bench process; requests are those it received during the run.`,
        `undiciWalk: a child process reading every page of every external list (System.body, the bodies' ten lists, each organization's meetings), following links.next, ${CONCURRENCY} lists at a time (konform's default concurrency), each page parsed as JSON; median of ${WALK_ROUNDS} rounds, before konform's run.`,
        'pass: wall time, peak RSS and untested count all within their targets; the verdict is reported beside them.',
      ],
    );
    return result.status === 'measured' ? { ...result, pass: timePass && memoryPass && untested === 0 } : result;
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'walk') {
  process.stdout.write(JSON.stringify(await walk(process.argv[3] as string)));
}
