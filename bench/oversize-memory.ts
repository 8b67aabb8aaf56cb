/**
 * `oversize-memory`: `konform run openapi-contract` against a document of 500 operations whose
 * server answers each with 1 GiB (the hostile server's /huge, no Content-Length), at the
 * default size limit of 10 MB: every body is cut there. The CLI runs as a user runs it, in a
 * process of its own; the figure is that process's peak resident memory (getrusage maxRSS,
 * read at its exit by bench/max-rss-at-exit.ts), held to 300 MB. A cut body must cost its
 * excerpt once its request has failed, not the limit: kept, 500 of them would take 5 GB.
 * The server runs in the bench process.
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenOnLoopback } from '../fixtures/hostile/listen.js';
import { HUGE_BYTES, ROUTES, type HostileState } from '../fixtures/hostile/routes.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { DEFAULT_LIMITS } from '../src/http/types.js';
import { loadAverage, measured, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

const OPERATIONS = 500;
const LIMIT_MB = 300;

/** An OpenAPI document of OPERATIONS GET operations, each promising a short text. */
function document(): string {
  const paths = Array.from({ length: OPERATIONS }, (_, index) => [
    `/huge/${index}`,
    { get: { operationId: `getHuge${index}`, responses: { '200': { description: 'text', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
  ]);
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'every answer 1 GiB', version: '1' }, paths: Object.fromEntries(paths) });
}

/** Answers every request with the 1 GiB body of the hostile server's /huge. */
async function startHugeServer() {
  const state: HostileState = { hugeBytesSent: 0, bombBytesMade: 0, gate: [] };
  const huge = ROUTES['/huge'] as NonNullable<(typeof ROUTES)[string]>;
  const server = createServer((request, response) => huge(request, response, new URLSearchParams(), state, ''));
  return { ...(await listenOnLoopback(server)), state };
}

export async function oversizeMemory(): Promise<Measurement> {
  const base = {
    id: 'oversize-memory',
    title: `konform run openapi-contract, ${OPERATIONS} operations each answering 1 GiB: peak resident memory`,
    target: { ratio: 1, meaning: `${LIMIT_MB} MB ÷ the konform process's peak resident memory (under ${LIMIT_MB} MB)` },
  };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-oversize-'));
  const server = await startHugeServer();
  try {
    const spec = join(scratch, 'openapi.json');
    const peakFile = join(scratch, 'maxrss');
    await writeFile(spec, document());
    const loadBefore = loadAverage();
    const cli = [join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'run', 'openapi-contract', '--target', server.url, '--spec', spec];
    const flags = ['--profile', 'responses', '--rate', '0', '--out', join(scratch, 'out')];
    const run = await runProcess(process.execPath, ['--import', join(PACKAGE_ROOT, 'dist', 'bench', 'max-rss-at-exit.js'), ...cli, ...flags], {
      env: { KONFORM_BENCH_MAXRSS_FILE: peakFile },
    });
    // Every answer is too large to check: the run is inconclusive (exit 3), and complete.
    if (run.code !== 3) throw new Error(`konform run exited with ${run.code}, not 3: ${run.stderr}`);
    const report = JSON.parse(await readFile(join(scratch, 'out', 'report.json'), 'utf8')) as { exchanges: Array<{ error?: { reason: string } }> };
    const tooLarge = report.exchanges.filter((exchange) => exchange.error?.reason === 'tooLarge').length;
    if (tooLarge !== OPERATIONS) throw new Error(`${tooLarge} of ${OPERATIONS} answers were cut at the limit`);
    const peakMb = round(Number(await readFile(peakFile, 'utf8')) / 1024);
    return measured(
      base,
      LIMIT_MB / peakMb,
      { konform: `peak RSS ${peakMb} MB`, baseline: `limit ${LIMIT_MB} MB` },
      {
        operations: OPERATIONS,
        answerBytes: HUGE_BYTES,
        maxResponseBytes: DEFAULT_LIMITS.maxResponseBytes,
        answersCut: tooLarge,
        bytesSentByServer: server.state.hugeBytesSent,
        peakResidentMb: peakMb,
        limitMb: LIMIT_MB,
        wallMs: round(run.wallMs, 0),
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        `The CLI as a user runs it (node dist/src/cli/main.js run openapi-contract --profile responses --rate 0), in its own process, default limits (${DEFAULT_LIMITS.concurrency} requests in flight, ${DEFAULT_LIMITS.maxResponseBytes} bytes per body); report.json, junit.xml and summary.md written.`,
        'peakResidentMb: getrusage maxRSS of the konform process at its exit.',
        'bytesSentByServer: what the server handed to its sockets; each answer stops soon after the limit, when konform closes the connection.',
      ],
    );
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}
