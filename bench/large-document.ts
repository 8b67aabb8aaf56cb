/**
 * `large-document`: a contract run (library `run()`, suite openapi-contract) of a generated
 * OpenAPI 3.0 document with 10 000 operations (fixtures/large-openapi/), against a loopback
 * server in the bench process: everything konform does before its first request (load the
 * suite and plan, load, validate and compile the document, find the subjects of every check)
 * is held to 1 s. Each run is aborted as its first request arrives; the figures:
 *
 * - cold: the document at a path the process has not loaded (median of 3 paths): the first
 *   run a CLI user gets (the modules are already imported);
 * - warm: the same document again, taken from the process-wide cache (document-cache.ts), as a
 *   library user checking several servers gets it;
 * - the document alone (compiledDocument), the longest stretch the event loop was blocked in a
 *   cold run, and an abort (Ctrl-C) while the document loads: how long the run takes to end.
 */
import { createServer } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { answer, largeOpenApiDocument } from '../fixtures/large-openapi/document.js';
import { listenOnLoopback } from '../fixtures/hostile/listen.js';
import { compiledDocument } from '../src/openapi/document-cache.js';
import { run } from '../src/run/run.js';
import type { Report } from '../src/model/report.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';

const OPERATIONS = 10_000;
const LIMIT_MS = 1000;
const COLD_PATHS = 3;
const WARM_RUNS = 3;
/** When the abort comes in the run that is interrupted, after it starts: while the document loads. */
const ABORT_AFTER_MS = 300;

interface FirstRequest {
  /** performance.now() of the first request's arrival, and the process's CPU time then. */
  at: number;
  cpuMs: number;
}

/**
 * The loopback server: every request answered as the document promises. Each run has a base
 * path of its own (`/run-<n>`), so that a request of an earlier run still under way is not
 * taken for the first of the next.
 */
async function startServer() {
  let runs = 0;
  let waiting: { prefix: string; arrived: (first: FirstRequest) => void } | undefined;
  const requests = new Map<string, number>();
  const server = createServer((request, response) => {
    const prefix = `/${(request.url ?? '').split('/')[1]}/`;
    requests.set(prefix, (requests.get(prefix) ?? 0) + 1);
    if (waiting?.prefix === prefix) {
      const { user, system } = process.cpuUsage();
      waiting.arrived({ at: performance.now(), cpuMs: (user + system) / 1000 });
      waiting = undefined;
    }
    answer(request, response);
  });
  const listening = await listenOnLoopback(server);
  return {
    close: listening.close,
    /** A target URL of a run of its own, the arrival of its first request, and how many it sent. */
    target() {
      runs += 1;
      const prefix = `/run-${runs}/`;
      const first = new Promise<FirstRequest>((arrived) => (waiting = { prefix, arrived }));
      return { url: `${listening.url}${prefix.slice(0, -1)}`, first, requests: () => requests.get(prefix) ?? 0 };
    },
  };
}

type Server = Awaited<ReturnType<typeof startServer>>;

interface Timed {
  toFirstRequestMs: number;
  cpuToFirstRequestMs: number;
  /** From the run's start to the end of planning (report.startedAt), and from there to the first request. */
  loadAndPlanMs: number;
  subjectsMs: number;
  /** From the abort at the first request to the run's end, report included. */
  abortToEndMs: number;
}

/** One run, aborted as its first request arrives. */
async function runToFirstRequest(server: Server, spec: string): Promise<Timed> {
  const controller = new AbortController();
  const target = server.target();
  const first = target.first.then((arrived) => {
    controller.abort('bench');
    return arrived;
  });
  const { user, system } = process.cpuUsage();
  const startedAtMs = Date.now();
  const started = performance.now();
  const report = await run({ suite: 'openapi-contract', target: { url: target.url, spec }, limits: { ratePerHost: 0 }, signal: controller.signal });
  const ended = performance.now();
  const arrived = await first;
  const firstExchange = Math.min(...report.exchanges.map((exchange) => Date.parse(exchange.startedAt)));
  return {
    toFirstRequestMs: round(arrived.at - started),
    cpuToFirstRequestMs: round(arrived.cpuMs - (user + system) / 1000),
    loadAndPlanMs: Date.parse(report.startedAt) - startedAtMs,
    subjectsMs: firstExchange - Date.parse(report.startedAt),
    abortToEndMs: round(ended - arrived.at),
  };
}

/** The run aborted ABORT_AFTER_MS after its start: what it sent, and how long it took to end after the abort. */
async function interrupted(server: Server, spec: string): Promise<{ requestsSent: number; complete: boolean; abortToEndMs: number }> {
  const controller = new AbortController();
  let abortedAt = 0;
  const timer = setTimeout(() => {
    abortedAt = performance.now();
    controller.abort('SIGINT');
  }, ABORT_AFTER_MS);
  const target = server.target();
  let report: Report;
  try {
    report = await run({ suite: 'openapi-contract', target: { url: target.url, spec }, limits: { ratePerHost: 0 }, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
  return { requestsSent: target.requests(), complete: report.complete, abortToEndMs: round(performance.now() - abortedAt) };
}

const medianOf = (runs: readonly Timed[], key: keyof Timed): number => round(median(runs.map((timed) => timed[key])));

function summary(runs: readonly Timed[]) {
  const keys = ['toFirstRequestMs', 'cpuToFirstRequestMs', 'loadAndPlanMs', 'subjectsMs', 'abortToEndMs'] as const;
  return { median: Object.fromEntries(keys.map((key) => [key, medianOf(runs, key)])), runs };
}

export async function largeDocument(): Promise<Measurement> {
  const base = {
    id: 'large-document',
    title: `konform run openapi-contract, a document of ${OPERATIONS} operations: time to the first request`,
    target: { ratio: 1, meaning: `${LIMIT_MS} ms ÷ the time from the start of a cold run to its first request (under ${LIMIT_MS} ms)` },
  };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-large-'));
  const server = await startServer();
  try {
    const text = largeOpenApiDocument(OPERATIONS);
    const write = async (name: string) => {
      const file = join(scratch, name);
      await writeFile(file, text);
      return file;
    };
    const loadBefore = loadAverage();
    const blocked = monitorEventLoopDelay({ resolution: 10 });
    const cold: Timed[] = [];
    for (let index = 0; index < COLD_PATHS; index += 1) {
      const spec = await write(`cold-${index}.json`);
      blocked.enable();
      cold.push(await runToFirstRequest(server, spec));
      blocked.disable();
    }
    const warmSpec = await write('warm.json');
    await runToFirstRequest(server, warmSpec);
    const warm: Timed[] = [];
    for (let index = 0; index < WARM_RUNS; index += 1) warm.push(await runToFirstRequest(server, warmSpec));
    const documentSpec = await write('document.json');
    const documentStarted = performance.now();
    await compiledDocument(documentSpec);
    const documentLoadMs = round(performance.now() - documentStarted);
    const interruption = await interrupted(server, await write('interrupted.json'));
    const coldMs = medianOf(cold, 'toFirstRequestMs');
    return measured(
      base,
      LIMIT_MS / coldMs,
      { konform: `first request after ${coldMs} ms (cold), ${medianOf(warm, 'toFirstRequestMs')} ms (document cached)`, baseline: `limit ${LIMIT_MS} ms` },
      {
        operations: OPERATIONS,
        documentBytes: Buffer.byteLength(text),
        cold: summary(cold),
        warm: summary(warm),
        documentLoadMs,
        longestEventLoopBlockMs: round(blocked.max / 1e6),
        interruptedWhileLoading: { abortAfterMs: ABORT_AFTER_MS, ...interruption },
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        `The document: fixtures/large-openapi/document.ts (${OPERATIONS} GET operations, half with a path parameter, each with two query parameters, a 200 answer with one of 100 component schemas and a required header, a 404; every tenth secured), as JSON.`,
        'Library run() in the bench process, limits.ratePerHost 0, against a loopback server in the same process; each run is aborted when its first request arrives.',
        'toFirstRequestMs: from the call of run() to the arrival of the first request; cpuToFirstRequestMs: the CPU time of the process over it. loadAndPlanMs: to report.startedAt (suite loaded, plan made); subjectsMs: from there to the first exchange (the document loaded, validated and compiled, the subjects of every check found).',
        'cold: a document path the process has not loaded; warm: the same path again, the document from the process-wide cache. documentLoadMs: compiledDocument() of a new path alone: parsing, the structural validation as swagger-parser does it (a dereferenced copy checked against the OpenAPI 3.0 schema), listing the operations, converting and compiling the schemas (each distinct one once). It is most of a cold run; the warm run is the rest.',
        'longestEventLoopBlockMs: the largest event-loop delay over the cold runs (perf_hooks.monitorEventLoopDelay, 10 ms resolution): how long a Ctrl-C could wait to be heard.',
        `interruptedWhileLoading: a cold run aborted ${ABORT_AFTER_MS} ms after its start; requestsSent must be 0.`,
      ],
    );
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
