/**
 * `validate-memory`: `konform validate xrechnung-3.0` over 10 000 message files (the official
 * test-suite instances, copied once and hard-linked over and over into one folder), as a user runs it: the CLI in
 * a process of its own, reports written. The figure is that process's peak resident memory
 * (getrusage maxRSS, read at its exit by bench/max-rss-at-exit.ts); the limit is 300 MB.
 * Saxon's JVMs are processes of their own with Java's heap; their memory, sampled from /proc
 * while the run goes, is reported beside it.
 */
import { spawn } from 'node:child_process';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { XRECHNUNG_TESTSUITE as TESTSUITE } from '../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { saxonEngine } from '../src/xml/schematron/saxon.js';
import { loadAverage, measured, round, type Measurement } from './measurement.js';
import { samplePeak } from './resident-memory.js';

export const FILES = 10_000;
const LIMIT_MB = 300;
const SAMPLE_MS = 250;

interface Run {
  ms: number;
  exitCode: number | null;
  peakKib: number;
  /** Highest sum of the JVMs' resident memory seen in a sample. */
  jvmPeakKib: number;
}

async function validate(folder: string, out: string, peakFile: string): Promise<Run> {
  const args = ['--import', join(PACKAGE_ROOT, 'dist', 'bench', 'max-rss-at-exit.js'), join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'validate', 'xrechnung-3.0', folder, '--out', out];
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore', env: { ...process.env, KONFORM_BENCH_MAXRSS_FILE: peakFile } });
  const jvms = samplePeak(child.pid as number, SAMPLE_MS, false);
  let jvmPeakKib = 0;
  const exitCode = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve)).finally(() => (jvmPeakKib = jvms.stop()));
  return { ms: performance.now() - started, exitCode, peakKib: Number(await readFile(peakFile, 'utf8')), jvmPeakKib };
}

/** FILES hard links in one folder, to copies of the instances in turn (one copy each). */
export async function linkedFolder(scratch: string): Promise<string> {
  const sources = (await readdir(TESTSUITE, { recursive: true })).filter((entry) => entry.endsWith('.xml')).sort();
  const [copies, folder] = [join(scratch, 'instances'), join(scratch, 'in')];
  await Promise.all([mkdir(copies), mkdir(folder)]);
  const copied = await Promise.all(sources.map(async (source, index) => {
    const copy = join(copies, `${index}-${basename(source)}`);
    await copyFile(join(TESTSUITE, source), copy);
    return copy;
  }));
  for (let index = 0; index < FILES; index += 1) {
    const copy = copied[index % copied.length] as string;
    await link(copy, join(folder, `${index}-${basename(copy)}`));
  }
  return folder;
}

export async function validateMemory(): Promise<Measurement> {
  const base = {
    id: 'validate-memory',
    title: `konform validate xrechnung-3.0 over ${FILES} files: peak resident memory`,
    target: { ratio: 1, meaning: `${LIMIT_MB} MB ÷ the konform process's peak resident memory (under ${LIMIT_MB} MB)` },
  };
  const availability = await saxonEngine().available();
  if (!availability.ok) return { ...base, status: 'skipped', reason: `${availability.reason} (${availability.install})`, notes: [] };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-validate-'));
  try {
    const folder = await linkedFolder(scratch);
    const loadBefore = loadAverage();
    const run = await validate(folder, join(scratch, 'out'), join(scratch, 'maxrss'));
    if (run.exitCode !== 0) throw new Error(`konform validate exited with ${run.exitCode} (every instance is expected to be accepted)`);
    const peakMb = round(run.peakKib / 1024);
    return measured(
      base,
      LIMIT_MB / peakMb,
      { konform: `peak RSS ${peakMb} MB`, baseline: `limit ${LIMIT_MB} MB` },
      {
        files: FILES,
        peakResidentMb: peakMb,
        limitMb: LIMIT_MB,
        wallMs: round(run.ms, 0),
        filesPerSecond: round((FILES * 1000) / run.ms, 0),
        saxonJvmsPeakResidentMb: round(run.jvmPeakKib / 1024),
        loadAverage: { before: loadBefore, after: loadAverage() },
      },
      [
        `The CLI as a user runs it (node dist/src/cli/main.js validate xrechnung-3.0 <folder> --out <folder>), in its own process; ${FILES} hard links to copies of the ${TESTSUITE.split('/').pop()} instances; report.json, junit.xml and summary.md written.`,
        'peakResidentMb: getrusage maxRSS of the konform process at its exit (Node, modules, libxml2 memory, all results and the report writing).',
        `saxonJvmsPeakResidentMb: the highest sum of the Saxon JVMs' resident memory in samples every ${SAMPLE_MS} ms (separate processes with Java's default heap; not part of the target).`,
      ],
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
