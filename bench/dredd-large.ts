/**
 * `dredd-200-operations`: Dredd 14 against the konform CLI where the engine counts, on a
 * generated document of 200 GET operations (dredd-large-document.ts) served by its reference
 * implementation on loopback (dredd-large-server.ts, in the bench process, so that answering
 * is charged to neither tool). Both run as child processes on the same file and server, timed
 * from spawn to exit, alternating, median of the repetitions; the server counts the requests
 * each sends. konform runs its default profile, negative checks included, with `--rate 0`:
 * Dredd has no rate limit (it sends one request after the other), and at konform's default of
 * 50 requests per second per host the limit would set the pace; one run at the default is
 * reported beside the figures.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import type { Report } from '../src/model/report.js';
import { largeApi } from './dredd-large-document.js';
import { startLargeApiServer, type LargeApiServer } from './dredd-large-server.js';
import { dreddFailureReasons, dreddTally, firstError, timed, type Timed } from './dredd-runs.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { DREDD, installDredd } from './peer-tools.js';
import { runProcess, type Finished } from './processes.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const REPETITIONS = 3;

type Counted = Timed & { requests: Record<string, number> };

/** A timed run of one tool, with the requests the server answered meanwhile. */
async function counted(server: LargeApiServer, run: () => Promise<Finished>): Promise<Counted> {
  server.reset();
  const finished = await timed(run);
  return { ...finished, requests: server.requests() };
}

const total = (requests: Record<string, number>) => Object.values(requests).reduce((sum, count) => sum + count, 0);

function summary(runs: readonly Counted[]) {
  const wallMs = median(runs.map((run) => run.wallMs));
  return {
    medianWallMs: round(wallMs),
    wallMs: runs.map((run) => round(run.wallMs)),
    medianCpuMs: median(runs.map((run) => run.cpuMs)),
    cpuMs: runs.map((run) => run.cpuMs),
    exitCodes: [...new Set(runs.map((run) => run.code))],
    requestsAtServer: runs.at(-1)?.requests ?? {},
  };
}

export async function dreddLargeDocument(): Promise<Measurement> {
  const base = {
    id: 'dredd-200-operations',
    title: 'Dredd 14 vs konform CLI on 200 operations, same document and reference server (wall clock)',
    target: { ratio: 3, meaning: 'Dredd wall clock ÷ konform wall clock (median), konform sending its negative checks too' },
  };
  const tool = await installDredd();
  if (!tool.ok) return { ...base, status: 'skipped', reason: tool.reason, notes: [] };
  const api = largeApi();
  const outRoot = await mkdtemp(join(tmpdir(), 'konform-bench-dredd-large-'));
  const document = join(outRoot, 'openapi.json');
  await writeFile(document, JSON.stringify(api.document, null, 2));
  const server = await startLargeApiServer(api.routes);
  try {
    // Both write their output to a file: Dredd exits before a pipe has taken all of its output.
    const outputFile = join(outRoot, 'output.txt');
    const konform = (name: string, limits: string[] = ['--rate', '0']) =>
      runProcess(process.execPath, [CLI, 'run', 'openapi-contract', '--target', server.url, '--spec', document, '--out', join(outRoot, name), ...limits], { outputFile });
    const dredd = () => runProcess(DREDD, [document, server.url, '--no-color'], { outputFile });
    const warmDredd = await dredd();
    if (!dreddTally(warmDredd.stdout)) return { ...base, status: 'skipped', reason: `Dredd did not finish a run: ${firstError(warmDredd)}`, notes: tool.notes };
    await konform('warm-up');
    const loadBefore = loadAverage();
    const konformRuns: Counted[] = [];
    const dreddRuns: Counted[] = [];
    for (let index = 1; index <= REPETITIONS; index += 1) {
      konformRuns.push(await counted(server, () => konform(`run-${index}`)));
      dreddRuns.push(await counted(server, dredd));
    }
    const loadAfter = loadAverage();
    const atDefault = await counted(server, () => konform('default-limits', []));
    const broken = [...konformRuns, atDefault].find((run) => run.code !== 0 && run.code !== 1);
    if (broken) throw new Error(`the konform CLI did not finish a run (exit ${broken.code}): ${broken.stdout.trim()}`);
    const report = JSON.parse(await readFile(join(outRoot, `run-${REPETITIONS}`, 'report.json'), 'utf8')) as Report;
    const konformFigures = summary(konformRuns);
    const dreddFigures = summary(dreddRuns);
    const lastDredd = dreddRuns.at(-1) as Finished;
    const konformRequests = total(konformFigures.requestsAtServer);
    const dreddRequests = total(dreddFigures.requestsAtServer);
    return measured(
      base,
      dreddFigures.medianWallMs / konformFigures.medianWallMs,
      {
        konform: `${round(konformFigures.medianWallMs, 0)} ms, ${konformRequests} requests`,
        baseline: `Dredd ${round(dreddFigures.medianWallMs, 0)} ms, ${dreddRequests} requests`,
      },
      {
        repetitions: REPETITIONS,
        operations: api.routes.length,
        documentBytes: Buffer.byteLength(JSON.stringify(api.document, null, 2)),
        konform: {
          ...konformFigures,
          exchanges: report.exchanges.length,
          checks: report.results.length,
          counts: report.counts,
          verdict: report.verdict,
          atDefaultLimits: { wallMs: round(atDefault.wallMs), cpuMs: atDefault.cpuMs, requestsAtServer: atDefault.requests },
        },
        dredd: { version: tool.version, ...dreddFigures, ...dreddTally(lastDredd.stdout), failureReasons: dreddFailureReasons(lastDredd.stdout) },
        cpuRatio: round(dreddFigures.medianCpuMs / konformFigures.medianCpuMs, 3),
        loadAverage: { before: loadBefore, after: loadAfter },
      },
      [
        ...tool.notes,
        `The document (${api.routes.length} GET operations, 25 resources, generated by bench/dredd-large-document.ts) is written to a JSON file both tools read; its reference implementation answers every valid request with the documented example, an invalid parameter 400, an undocumented path 404 and another method 405.`,
        'konform runs its default profile (full): per operation the valid request, and an invalid one where a parameter can be made invalid; per path an undocumented method (TRACE); one undocumented path. Dredd sends one request per documented response, here the 200 of each operation.',
        'konform with --rate 0 (its limit of 50 requests per second per host off; concurrency 8, the default), Dredd as it comes (no rate limit, one request at a time); konform.atDefaultLimits is one run without --rate 0.',
        'Wall clock includes Node.js start-up and module loading for both tools; konform writes report.json, junit.xml, summary.md, report.html, EARL, SARIF and journal.jsonl; Dredd writes its transcript.',
        'cpuRatio: Dredd CPU time ÷ konform CPU time (user and system of the process and its threads, 10 ms ticks), medians; not held to the target, but not stretched by other work on the machine (see loadAverage).',
      ],
    );
  } finally {
    await server.close();
    await rm(outRoot, { recursive: true, force: true });
  }
}
