/**
 * A full contract run (library `run()`, suite openapi-contract, default profile) against the
 * Pegel-Online reference server, against a plain undici loop sending exactly the requests the
 * run made (method and URL from report.exchanges) at the same concurrency, reading every body.
 * konform's rate limit is switched off (`limits.ratePerHost: 0`): at its default of 50
 * requests per second per host the limit, not konform, would set the pace.
 *
 * The ratio held to the target is the steady state of a process that runs the document again
 * (a library user checking several servers, say): it takes the document loaded and compiled
 * from the process-wide cache (src/openapi/document-cache.ts), as the loop needs no document
 * at all. The process's first run, which loads, validates and compiles the document, is
 * reported apart, and so is the request phase alone.
 */
import { join } from 'node:path';
import { request } from 'undici';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { run } from '../src/run/run.js';
import { DEFAULT_LIMITS } from '../src/http/types.js';
import type { Report } from '../src/model/report.js';
import { clocked, loadAverage, measured, median, perSecond, round, type Measurement } from './measurement.js';
import type { ReferenceServer } from './processes.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
/** Rounds after the process's first run that warm the JIT and are not counted. */
const WARM_UP_ROUNDS = 3;
const ROUNDS = 15;
const CONCURRENCY = DEFAULT_LIMITS.concurrency;

interface Replayed {
  method: string;
  url: string;
}

interface Clocked {
  ms: number;
  /** CPU time of this process: the client's work (the server runs in a process of its own). */
  cpuMs: number;
}

interface KonformRound extends Clocked {
  report: Report;
  /** Start of the run to its first request; first request to last answer; last answer to the report. */
  phases: { setupMs: number; httpMs: number; afterMs: number };
}

async function konformRound(url: string): Promise<KonformRound> {
  const startedAt = Date.now();
  const { value: report, ms, cpuMs } = await clocked(() => run({ suite: 'openapi-contract', target: { url, spec: SPEC }, limits: { ratePerHost: 0 } }));
  const starts = report.exchanges.map((exchange) => Date.parse(exchange.startedAt));
  const ends = report.exchanges.map((exchange) => Date.parse(exchange.startedAt) + exchange.durationMs);
  const first = Math.min(...starts);
  const last = Math.max(...ends);
  return { ms, cpuMs, report, phases: { setupMs: first - startedAt, httpMs: last - first, afterMs: startedAt + ms - last } };
}

/** The requests, `CONCURRENCY` at a time, each body read to its end, through undici's global dispatcher. */
async function undiciRound(requests: readonly Replayed[]): Promise<Clocked> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const { method, url } = requests[next++] as Replayed;
      const response = await request(url, { method });
      await response.body.arrayBuffer();
    }
  };
  const { ms, cpuMs } = await clocked(() => Promise.all(Array.from({ length: CONCURRENCY }, worker)));
  return { ms, cpuMs };
}

function coldFigures({ ms, cpuMs, phases, report }: KonformRound, undiciRps: number) {
  const requestsPerSecond = perSecond(report.exchanges.length, ms);
  return {
    ms: round(ms),
    cpuMs: round(cpuMs),
    phasesMs: { setup: round(phases.setupMs), http: round(phases.httpMs), after: round(phases.afterMs) },
    requestsPerSecond: round(requestsPerSecond),
    ratioToUndici: round(requestsPerSecond / undiciRps, 3),
  };
}

export async function contractVsUndici(server: ReferenceServer): Promise<Measurement> {
  const base = {
    id: 'contract-vs-undici',
    title: 'Full contract run vs plain undici loop (requests per second)',
    target: { ratio: 0.7, meaning: 'konform requests/s ÷ undici requests/s' },
  };
  const loadBefore = loadAverage();
  const cold = await konformRound(server.url);
  const replayed: Replayed[] = cold.report.exchanges.map(({ request: { method, url } }) => ({ method, url }));
  const konform: KonformRound[] = [];
  const undici: Clocked[] = [];
  for (let index = 0; index < WARM_UP_ROUNDS + ROUNDS; index += 1) {
    const konformTiming = await konformRound(server.url);
    const undiciTiming = await undiciRound(replayed);
    if (index < WARM_UP_ROUNDS) continue;
    konform.push(konformTiming);
    undici.push(undiciTiming);
  }
  const total = (rounds: readonly Clocked[]) => rounds.reduce((sum, { ms }) => sum + ms, 0);
  const medianCpu = (rounds: readonly Clocked[]) => round(median(rounds.map(({ cpuMs }) => cpuMs)));
  const requests = konform.reduce((sum, { report }) => sum + report.exchanges.length, 0);
  const konformMs = total(konform);
  const undiciMs = total(undici);
  const konformRps = perSecond(requests, konformMs);
  const undiciRps = perSecond(replayed.length * ROUNDS, undiciMs);
  const phase = (name: keyof KonformRound['phases']) => round(median(konform.map(({ phases }) => phases[name])));
  const httpPhaseRps = perSecond(requests, konform.reduce((sum, { phases }) => sum + phases.httpMs, 0));
  const verdicts = [...new Set(konform.map(({ report }) => report.verdict))];
  return measured(
    base,
    konformRps / undiciRps,
    { konform: `${round(konformRps)} requests/s`, baseline: `undici ${round(undiciRps)} requests/s` },
    {
      rounds: ROUNDS,
      warmUpRounds: WARM_UP_ROUNDS,
      concurrency: CONCURRENCY,
      requestsPerRun: replayed.length,
      requestsByMethod: Object.fromEntries(
        [...new Set(replayed.map(({ method }) => method))].map((method) => [method, replayed.filter((r) => r.method === method).length]),
      ),
      checksPerRun: konform[0]?.report.results.length,
      verdicts,
      konform: { requests, totalMs: round(konformMs), medianRunMs: round(median(konform.map(({ ms }) => ms))), medianCpuMs: medianCpu(konform), requestsPerSecond: round(konformRps) },
      undici: { requests: replayed.length * ROUNDS, totalMs: round(undiciMs), medianRoundMs: round(median(undici.map(({ ms }) => ms))), medianCpuMs: medianCpu(undici), requestsPerSecond: round(undiciRps) },
      konformPhasesMedianMs: { setup: phase('setupMs'), http: phase('httpMs'), after: phase('afterMs') },
      konformHttpPhase: { requestsPerSecond: round(httpPhaseRps), ratioToUndici: round(httpPhaseRps / undiciRps, 3) },
      konformColdFirstRun: coldFigures(cold, undiciRps),
      loadAverage: { before: loadBefore, after: loadAverage() },
    },
    [
      'limits.ratePerHost is 0 for konform: its default per-host rate limit (50/s) would dominate the figure.',
      'The ratio is the steady state: every measured run finds the document loaded and compiled in the process-wide cache (keyed by path and sha256), as any run after the first in one process does; it still loads the suite and standard, plans, runs every check and builds the report (no files written). Each undici round only sends the requests.',
      'konformColdFirstRun is the first run of the bench process (modules already imported), before the warm-up rounds: it loads, validates and compiles the document (no target).',
      'setup is the time from the start of run() to its first request (suite, document, schemas); http from the first request to the last answer; konformHttpPhase relates the requests to the http phase alone, the same work as the loop (no target).',
      'undici keeps its connections from round to round, and konform from run to run: a run takes the agent the process keeps for its target (src/http/agent.ts); the cold first run opens them.',
      'The reference server runs in its own process; konform and undici alternate round by round against it. medianCpuMs is the CPU time of this process per run or round: the client work alone, which other load on the machine does not stretch (no target).',
    ],
  );
}
