/**
 * The whole `ogcapi-features-1.0` suite against MapServer 8 on this machine (started by the
 * fixtures/servers/start-mapserver.sh with fixtures/ogcapi/places.geojson): the wall time of a run and the
 * requests it makes, as the issue asks (no target). Runs with konform's default limits, as a
 * user runs the suite (at most 50 requests per second per host), and with the rate limit off; the
 * baseline is the same requests (method, URL, Accept) replayed in a plain undici loop at the same
 * concurrency, which shows what MapServer itself takes to answer them.
 */
import { request } from 'undici';
import { MAPSERVER, startRealServer, unavailable } from '../fixtures/ogcapi/real-servers.js';
import { run } from '../src/run/run.js';
import { DEFAULT_LIMITS, type HttpLimits } from '../src/http/types.js';
import type { Report } from '../src/model/report.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';

const ROUNDS = 3;
const SUITE = 'ogcapi-features-1.0';

async function timedRun(url: string, limits: Partial<HttpLimits>): Promise<{ ms: number; report: Report }> {
  const started = performance.now();
  const report = await run({ suite: SUITE, target: { url }, limits });
  return { ms: performance.now() - started, report };
}

async function replay(report: Report): Promise<number> {
  const requests = report.exchanges.map(({ request: { method, url, headers } }) => ({ method, url, accept: headers.accept }));
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const { method, url, accept } = requests[next++] as (typeof requests)[number];
      const response = await request(url, { method, headers: accept ? { accept } : {} });
      await response.body.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: DEFAULT_LIMITS.concurrency }, worker));
  return performance.now() - started;
}

export async function ogcapiMapServer(): Promise<Measurement> {
  const base = {
    id: 'ogcapi-mapserver',
    title: 'The OGC API - Features suite against MapServer 8 (wall time, requests)',
    target: { ratio: 0, meaning: 'reported, no target: undici replay ms ÷ konform ms without rate limit' },
  };
  const why = unavailable(MAPSERVER);
  if (why) return { ...base, status: 'skipped', reason: why, notes: [] };
  const loadBefore = loadAverage();
  const server = await startRealServer(MAPSERVER);
  try {
    const defaults: Array<{ ms: number; report: Report }> = [];
    const unlimited: Array<{ ms: number; report: Report }> = [];
    const replays: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      defaults.push(await timedRun(server.base, {}));
      unlimited.push(await timedRun(server.base, { ratePerHost: 0 }));
      replays.push(await replay(unlimited.at(-1)?.report as Report));
    }
    const first = defaults[0] as { report: Report };
    const defaultMs = median(defaults.map(({ ms }) => ms));
    const unlimitedMs = median(unlimited.map(({ ms }) => ms));
    const replayMs = median(replays);
    const methods = first.report.exchanges.map((exchange) => exchange.request.method);
    return measured(
      base,
      replayMs / unlimitedMs,
      {
        konform: `${round(defaultMs / 1000, 2)} s, ${first.report.exchanges.length} requests`,
        baseline: `undici replay ${round(replayMs / 1000, 2)} s`,
      },
      {
        rounds: ROUNDS,
        requestsPerRun: first.report.exchanges.length,
        requestsByMethod: Object.fromEntries([...new Set(methods)].map((method) => [method, methods.filter((m) => m === method).length])),
        resultsPerRun: first.report.results.length,
        counts: first.report.counts,
        verdict: first.report.verdict,
        konformDefaultLimits: { medianMs: round(defaultMs), runsMs: defaults.map(({ ms }) => round(ms)) },
        konformWithoutRateLimit: { medianMs: round(unlimitedMs), runsMs: unlimited.map(({ ms }) => round(ms)) },
        undiciReplay: { medianMs: round(replayMs), concurrency: DEFAULT_LIMITS.concurrency },
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        'MapServer runs as a CGI program behind lighttpd: every request starts a mapserv process, which sets the pace.',
        'konform follows the API as a client does (landing page, then collections, then pages of features), so many requests wait for an earlier answer; the replay knows every request in advance and sends them at full concurrency.',
        'konformDefaultLimits is what a user gets (at most 50 requests per second per host); konformWithoutRateLimit has limits.ratePerHost 0.',
      ],
    );
  } finally {
    server.stop();
  }
}
