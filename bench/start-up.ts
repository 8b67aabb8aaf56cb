/**
 * How long the `konform` command takes to start: `konform --version` and `konform list` as a
 * user runs them, each a fresh process from spawn to exit, against a bare Node.js process
 * (`node -e 0`) started the same way. Reported, no target: the figures say what a CI job pays
 * before the first request, and `otherNodes` in results.json holds them on Node.js 24 as well.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const REPETITIONS = 9;

async function medianWallMs(args: string[]): Promise<number> {
  const walls: number[] = [];
  await runProcess(process.execPath, args);
  for (let index = 0; index < REPETITIONS; index += 1) {
    const run = await runProcess(process.execPath, args);
    if (run.code !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.code}: ${run.stderr.trim()}`);
    walls.push(run.wallMs);
  }
  return median(walls);
}

export async function startUp(): Promise<Measurement> {
  const base = {
    id: 'start-up',
    title: 'Start-up of the konform command vs a bare Node.js process (wall clock, spawn to exit)',
    target: { ratio: 0, meaning: 'reported, no target: bare Node.js ms ÷ konform list ms' },
  };
  const loadBefore = loadAverage();
  const bareMs = await medianWallMs(['-e', '0']);
  const versionMs = await medianWallMs([CLI, '--version']);
  const listMs = await medianWallMs([CLI, 'list']);
  return measured(
    base,
    bareMs / listMs,
    { konform: `list ${round(listMs, 0)} ms`, baseline: `node -e 0 ${round(bareMs, 0)} ms` },
    { repetitions: REPETITIONS, bareNodeMs: round(bareMs), versionMs: round(versionMs), listMs: round(listMs), loadAverage: { before: loadBefore, after: loadAverage() } },
    ['`konform list` reads every suite and standard manifest it ships; `--version` loads the command tree only.'],
  );
}
