/**
 * `inbox-*`: a user's figure is the whole command. 10 000 copies of one official 7 KB UBL
 * invoice (KoSIT's test suite, 01.10a) in a temporary folder, validated by whole processes
 * side by side: `konform validate xrechnung-3.0 <folder>` as a user runs it (start-up, suite
 * and standard, schema compilation, results and every report format included) against
 * `xmllint --noout --schema UBL-Invoice-2.1.xsd <files…>` in one process.
 *
 *   inbox-one-core    `--profile schema --concurrency 1` vs xmllint: CPU time of each process
 *                     (user and system, all threads), which other work on the machine does
 *                     not stretch (≥ 0.5);
 *   inbox-two-cores   `--profile schema` at its default concurrency vs xmllint: wall clock (≥ 0.8);
 *   inbox-full-stack  the full profile (XSD, CEN and XRechnung Schematron on Saxon-HE):
 *                     documents per second of wall clock, start-up included, against 100 (≥ 1).
 *
 * Each also needs the peak resident memory of konform's process under 300 MB (getrusage at
 * its exit, bench/max-rss-at-exit.ts); the peak of the whole process tree (konform and
 * Saxon's JVMs, sampled from /proc) is reported beside it.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XRECHNUNG_TESTSUITE as TESTSUITE } from '../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { saxonEngine } from '../src/xml/schematron/saxon.js';
import { loadAverage, measured, median, round, type Measurement } from './measurement.js';
import { endedChildrenCpuMs, runProcess } from './processes.js';
import { samplePeak } from './resident-memory.js';

const FILES = 10_000;
const INVOICE = join(TESTSUITE, 'business-cases', 'standard', '01.10a-INVOICE_ubl.xml');
const SCHEMA = join(PACKAGE_ROOT, 'standards', 'xrechnung', '3.0', 'xsd', 'ubl-2.1', 'maindoc', 'UBL-Invoice-2.1.xsd');
const LIMIT_MB = 300;
const ROUNDS = 3;
const SAMPLE_MS = 100;

interface ProcessRun {
  wallMs: number;
  cpuMs: number;
  exitCode: number | null;
  /** getrusage maxRSS of the measured process at its exit (konform only). */
  peakMb?: number;
  /** Highest sum of the resident memory of the process and its descendants in the samples. */
  treePeakMb: number;
}

/** One process from spawn to exit: wall clock, CPU time (its own and its descendants'), memory. */
async function measure(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessRun> {
  const cpuBefore = await endedChildrenCpuMs();
  const started = performance.now();
  const child = spawn(command, args, { cwd: PACKAGE_ROOT, stdio: 'ignore', env: { ...process.env, ...env } });
  const tree = samplePeak(child.pid as number, SAMPLE_MS, true);
  let treePeakKib = 0;
  const exitCode = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve)).finally(() => (treePeakKib = tree.stop()));
  const wallMs = performance.now() - started;
  return { wallMs, cpuMs: (await endedChildrenCpuMs()) - cpuBefore, exitCode, treePeakMb: round(treePeakKib / 1024) };
}

interface Inbox {
  scratch: string;
  folder: string;
  files: string[];
  xmllint: string;
}

let prepared: Promise<Inbox | { skipped: string }> | undefined;

async function prepare(): Promise<Inbox | { skipped: string }> {
  const probe = await runProcess('xmllint', ['--version']).catch(() => undefined);
  if (!probe || probe.code !== 0) return { skipped: 'xmllint is not installed (Debian: apt-get install libxml2-utils)' };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-inbox-'));
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  const folder = join(scratch, 'in');
  await mkdir(folder);
  const files = Array.from({ length: FILES }, (_, index) => join(folder, `${String(index).padStart(5, '0')}.xml`));
  for (let at = 0; at < files.length; at += 100) await Promise.all(files.slice(at, at + 100).map((file) => copyFile(INVOICE, file)));
  return { scratch, folder, files, xmllint: probe.stderr.split('\n')[0] ?? '' };
}

const xmllint = (inbox: Inbox) => measure('xmllint', ['--noout', '--schema', SCHEMA, ...inbox.files]);

async function konform(inbox: Inbox, flags: string[], index: number): Promise<ProcessRun> {
  const out = join(inbox.scratch, `out-${flags.join('')}-${index}`);
  const peakFile = join(inbox.scratch, `maxrss-${index}`);
  const args = ['--import', join(PACKAGE_ROOT, 'dist', 'bench', 'max-rss-at-exit.js'), join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'validate', 'xrechnung-3.0', inbox.folder, '--out', out, ...flags];
  const run = await measure(process.execPath, args, { KONFORM_BENCH_MAXRSS_FILE: peakFile });
  if (run.exitCode !== 0) throw new Error(`konform validate ${flags.join(' ')} exited with ${run.exitCode} (every copy of the invoice is expected to be accepted)`);
  const peakMb = round(Number(await readFile(peakFile, 'utf8')) / 1024);
  await rm(out, { recursive: true, force: true });
  return { ...run, peakMb };
}

const figuresOf = (run: ProcessRun) => ({ wallMs: round(run.wallMs, 0), cpuMs: round(run.cpuMs, 0), ...(run.peakMb === undefined ? {} : { peakMb: run.peakMb }), treePeakMb: run.treePeakMb });

type Clock = 'wallMs' | 'cpuMs';

/** Paired rounds of konform and xmllint, alternating which goes first; the ratio is xmllint's time over konform's, the median. */
async function againstXmllint(id: string, title: string, target: number, flags: string[], clock: Clock, notes: string[]): Promise<Measurement> {
  const base = { id, title, target: { ratio: target, meaning: `xmllint ${clock === 'cpuMs' ? 'CPU time' : 'wall clock'} ÷ konform's, whole processes over ${FILES} files (konform's peak RSS also under ${LIMIT_MB} MB)` } };
  const inbox = await (prepared ??= prepare());
  if ('skipped' in inbox) return { ...base, status: 'skipped', reason: inbox.skipped, notes: [] };
  const loadBefore = loadAverage();
  const pairs: Array<{ konform: ProcessRun; xmllint: ProcessRun }> = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    const first = index % 2 === 0 ? await konform(inbox, flags, index) : await xmllint(inbox);
    const second = index % 2 === 0 ? await xmllint(inbox) : await konform(inbox, flags, index);
    pairs.push(index % 2 === 0 ? { konform: first, xmllint: second } : { konform: second, xmllint: first });
  }
  if (pairs.some((pair) => pair.xmllint.exitCode !== 0)) throw new Error('xmllint did not validate every copy of the invoice');
  const ratio = median(pairs.map((pair) => pair.xmllint[clock] / pair.konform[clock]));
  const peakMb = Math.max(...pairs.map((pair) => pair.konform.peakMb ?? 0));
  const unit = clock === 'cpuMs' ? 'CPU' : 'wall';
  const konformMs = median(pairs.map((pair) => pair.konform[clock]));
  const xmllintMs = median(pairs.map((pair) => pair.xmllint[clock]));
  const measurement = measured(
    base,
    ratio,
    { konform: `${round(konformMs / 1000, 2)} s ${unit}, ${peakMb} MB`, baseline: `xmllint ${round(xmllintMs / 1000, 2)} s ${unit}` },
    {
      files: FILES,
      invoice: `${INVOICE.slice(TESTSUITE.length + 1)} (7 083 bytes)`,
      xmllint: inbox.xmllint,
      command: `konform validate xrechnung-3.0 <folder> --out <folder> ${flags.join(' ')}`,
      clock,
      konformMedianMs: round(konformMs, 0),
      xmllintMedianMs: round(xmllintMs, 0),
      konformPeakResidentMb: peakMb,
      limitMb: LIMIT_MB,
      rounds: pairs.map((pair) => ({ konform: figuresOf(pair.konform), xmllint: figuresOf(pair.xmllint) })),
      loadAverage: { before: loadBefore, after: loadAverage() },
    },
    notes,
  );
  return { ...measurement, ...(measurement.status === 'measured' ? { pass: measurement.pass && peakMb < LIMIT_MB } : {}) };
}

export const inboxOneCore = (): Promise<Measurement> =>
  againstXmllint('inbox-one-core', `konform validate --profile schema --concurrency 1 vs xmllint --schema over ${FILES} invoices (CPU time of the whole process)`, 0.5, ['--profile', 'schema', '--concurrency', '1'], 'cpuMs', [
    "one core: CPU time of each whole process (user and system, all threads, from /proc/self/stat of the bench around each child), which other work on a shared machine does not stretch as it does the wall clock",
    'konform: start-up, suite and standard, schema compilation, well-formedness, scenario and XSD of every file, results, journal and every report format (report.json, junit.xml, summary.md, report.html, EARL, SARIF)',
  ]);

export const inboxTwoCores = (): Promise<Measurement> =>
  againstXmllint('inbox-two-cores', `konform validate --profile schema vs xmllint --schema over ${FILES} invoices (wall clock, both cores)`, 0.8, ['--profile', 'schema'], 'wallMs', [
    'both cores: wall clock of each whole process at konform\'s default concurrency, which other work on the machine slows down (see loadAverage)',
  ]);

export async function inboxFullStack(): Promise<Measurement> {
  const base = {
    id: 'inbox-full-stack',
    title: `konform validate xrechnung-3.0 (full profile) over ${FILES} invoices: documents per second, start-up included`,
    target: { ratio: 1, meaning: `documents/s of the whole command ÷ 100 (konform's peak RSS also under ${LIMIT_MB} MB)` },
  };
  const availability = await saxonEngine().available();
  if (!availability.ok) return { ...base, status: 'skipped', reason: `${availability.reason} (${availability.install})`, notes: [] };
  const inbox = await (prepared ??= prepare());
  if ('skipped' in inbox) return { ...base, status: 'skipped', reason: inbox.skipped, notes: [] };
  const loadBefore = loadAverage();
  const run = await konform(inbox, [], 0);
  const perSecond = (FILES * 1000) / run.wallMs;
  const measurement = measured(
    base,
    perSecond / 100,
    { konform: `${round(perSecond, 0)} documents/s, ${run.peakMb} MB (tree ${run.treePeakMb} MB)`, baseline: '100 documents/s' },
    { files: FILES, documentsPerSecond: round(perSecond, 1), ...figuresOf(run), limitMb: LIMIT_MB, loadAverage: { before: loadBefore, after: loadAverage() } },
    [
      'The whole command from spawn to exit: start-up, the Saxon JVMs (one per Schematron that applies: EN 16931 and XRechnung for UBL), every report format.',
      `peakMb: getrusage maxRSS of the konform process at its exit; treePeakMb: the highest sum of the resident memory of konform and its JVMs in samples every ${SAMPLE_MS} ms (Java's default heap; reported, not held to the limit).`,
    ],
  );
  return { ...measurement, ...(measurement.status === 'measured' ? { pass: measurement.pass && (run.peakMb ?? 0) < LIMIT_MB } : {}) };
}
