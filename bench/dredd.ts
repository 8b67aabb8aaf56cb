/**
 * The same OpenAPI document and the same server: Dredd 14 against the konform CLI, both as
 * child processes, timed the same way (spawn to exit), alternating, median of the repetitions.
 * konform runs with `--rate 0` (Dredd has no rate limit); both tools get the same file. The
 * CPU time of each process is reported beside the wall clock, which other work on a shared
 * machine stretches. Reported without a target: the Pegel-Online document has 4 operations,
 * so the figure is mostly the start-up of two Node.js programs; the target of 3× is held where
 * the engine counts, on 200 operations (dredd-large.ts).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import type { Report } from '../src/model/report.js';
import { dreddCompatibleCopy } from './dredd-document.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { dreddFailureReasons, dreddTally, firstError, timed, type Timed } from './dredd-runs.js';
import { DREDD, installDredd } from './peer-tools.js';
import { runProcess, type Finished, type ReferenceServer } from './processes.js';

const SPEC = join(PACKAGE_ROOT, 'fixtures', 'pegel-online', 'openapi.yaml');
const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const REPETITIONS = 7;

export async function dreddVsKonform(server: ReferenceServer): Promise<Measurement> {
  const base = {
    id: 'dredd-vs-konform',
    title: 'Same document and server: Dredd 14 vs konform CLI (wall clock), 4 operations',
    target: { ratio: 0, meaning: 'reported, no target: Dredd wall clock ÷ konform wall clock (median); start-up is nearly all of it, see dredd-200-operations' },
  };
  const tool = await installDredd();
  if (!tool.ok) return { ...base, status: 'skipped', reason: tool.reason, notes: [] };
  const notes = [...tool.notes];
  let document = SPEC;
  let changes: string[] = [];
  const dryRun = (file: string) => runProcess(DREDD, [file, server.url, '--dry-run', '--no-color']);
  const original = await dryRun(SPEC);
  if (original.code !== 0) {
    const copy = await dreddCompatibleCopy(SPEC);
    const again = await dryRun(copy.file);
    if (again.code !== 0) {
      await rm(dirname(copy.file), { recursive: true, force: true });
      return { ...base, status: 'skipped', reason: `Dredd cannot process the document: ${firstError(again)}`, notes };
    }
    notes.push(`Dredd refused fixtures/pegel-online/openapi.yaml (${firstError(original)}); both tools got a Dredd-compatible copy.`);
    ({ file: document, changes } = copy);
  }
  const outRoot = await mkdtemp(join(tmpdir(), 'konform-bench-cli-'));
  // Both write their output to a file: Dredd exits before a pipe has taken all of its output.
  const outputFile = join(outRoot, 'output.txt');
  const konform = (index: number) =>
    runProcess(process.execPath, [CLI, 'run', 'openapi-contract', '--target', server.url, '--spec', document, '--out', join(outRoot, `run-${index}`), '--rate', '0'], { outputFile });
  const dredd = () => runProcess(DREDD, [document, server.url, '--no-color'], { outputFile });
  await konform(0);
  await dredd();
  const loadBefore = loadAverage();
  const konformRuns: Timed[] = [];
  const dreddRuns: Timed[] = [];
  for (let index = 1; index <= REPETITIONS; index += 1) {
    konformRuns.push(await timed(() => konform(index)));
    dreddRuns.push(await timed(dredd));
  }
  const broken = konformRuns.find((run) => run.code !== 0 && run.code !== 1);
  if (broken) throw new Error(`the konform CLI did not finish a run (exit ${broken.code}): ${broken.stdout.trim()}`);
  const report = JSON.parse(await readFile(join(outRoot, `run-${REPETITIONS}`, 'report.json'), 'utf8')) as Report;
  await rm(outRoot, { recursive: true, force: true });
  if (document !== SPEC) await rm(dirname(document), { recursive: true, force: true });
  const konformMs = median(konformRuns.map((run) => run.wallMs));
  const dreddMs = median(dreddRuns.map((run) => run.wallMs));
  const konformCpuMs = median(konformRuns.map((run) => run.cpuMs));
  const dreddCpuMs = median(dreddRuns.map((run) => run.cpuMs));
  const lastDredd = dreddRuns.at(-1) as Finished;
  return measured(
    base,
    dreddMs / konformMs,
    { konform: `${round(konformMs, 0)} ms`, baseline: `Dredd ${round(dreddMs, 0)} ms` },
    {
      repetitions: REPETITIONS,
      documentChanges: changes,
      konform: {
        medianWallMs: round(konformMs),
        wallMs: konformRuns.map((run) => round(run.wallMs)),
        medianCpuMs: konformCpuMs,
        cpuMs: konformRuns.map((run) => run.cpuMs),
        exitCodes: [...new Set(konformRuns.map((run) => run.code))],
        requests: report.exchanges.length,
        checks: report.results.length,
        verdict: report.verdict,
      },
      dredd: {
        version: tool.version,
        medianWallMs: round(dreddMs),
        wallMs: dreddRuns.map((run) => round(run.wallMs)),
        medianCpuMs: dreddCpuMs,
        cpuMs: dreddRuns.map((run) => run.cpuMs),
        exitCodes: [...new Set(dreddRuns.map((run) => run.code))],
        ...dreddTally(lastDredd.stdout),
        failureReasons: dreddFailureReasons(lastDredd.stdout),
      },
      cpuRatio: round(dreddCpuMs / konformCpuMs, 3),
      loadAverage: { before: loadBefore, after: loadAverage() },
    },
    [
      ...notes,
      'Dredd sends one request per documented response (every status, 4xx and 5xx included), each the same valid request, and compares the answer with that response; konform sends one valid request per operation plus invalid ones (negative checks).',
      'Dredd counts an answer `application/json; charset=utf-8` as not matching a documented `application/json` (see failureReasons).',
      'Wall clock includes Node.js start-up and module loading for both tools; konform writes report.json, junit.xml, summary.md and journal.jsonl.',
      'cpuRatio: Dredd CPU time ÷ konform CPU time (user and system of the process and all its threads, 10 ms ticks), medians; not held to the target, but not stretched by other work on the machine (see loadAverage).',
    ],
  );
}
