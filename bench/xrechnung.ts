/**
 * The full XRechnung stack — suite xrechnung-3.0: well-formedness, scenario, XSD, CEN and
 * XRechnung Schematron — over 1 000 documents (the official test-suite instances repeated),
 * against Saxon-HE running the same compiled stylesheets alone on the same files: its command
 * line with konform's JVM options, one stylesheet after the other as one would script it
 * (the ratio), and also all four at once as konform runs them (reported beside it). Every
 * side is counted after start-up: a run over one UBL and one CII document is the start-up
 * time, and throughput is (documents − 2) / (time − start-up). Rounds rotate which side goes
 * first; ratios are medians of the rounds' ratios.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { XRECHNUNG_TESTSUITE as TESTSUITE } from '../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { run } from '../src/run/run.js';
import { compileSchematron } from '../src/xml/schematron/compile.js';
import { saxonArguments, saxonCommand } from '../src/xml/schematron/saxon-command.js';
import { saxonEngine } from '../src/xml/schematron/saxon.js';
import { measured, median, perSecond, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';

const STANDARD = join(PACKAGE_ROOT, 'standards', 'xrechnung', '3.0');
const DOCUMENTS = 1000;
const ROUNDS = 3;
const ABSOLUTE_TARGET = 100;
const SCHEMATRON = {
  ubl: ['schematron/en16931-cen-1.3.15/ubl/schematron/EN16931-UBL-validation.sch', 'schematron/xrechnung-2.5.0/ubl/XRechnung-UBL-validation.sch'],
  cii: ['schematron/en16931-cen-1.3.15/cii/schematron/EN16931-CII-validation.sch', 'schematron/xrechnung-2.5.0/cii/XRechnung-CII-validation.sch'],
};
const SIDES = ['konform', 'saxonSequential', 'saxonParallel'] as const;

type Syntax = keyof typeof SCHEMATRON;
type Side = (typeof SIDES)[number];
/** A set of documents: the files for konform, and the same files in one folder per syntax for Saxon. */
interface DocumentSet {
  files: string[];
  folders: Record<Syntax, string>;
}
/** One stylesheet over the folder of its syntax. */
interface Job {
  syntax: Syntax;
  stylesheet: string;
}
interface Timing {
  startMs: number;
  fullMs: number;
  /** CPU time of the bench process and its children (the JVMs) over the start-up and the full run. */
  startCpuMs: number;
  fullCpuMs: number;
}

/** CPU time of this process and its waited-for children (Linux /proc/self/stat, clock ticks of 10 ms). */
async function cpuMs(): Promise<number> {
  const fields = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]) * 10, 0);
}

const syntaxOf = (file: string): Syntax => (file.endsWith('_ubl.xml') ? 'ubl' : 'cii');

async function documentSet(dir: string, sources: readonly string[]): Promise<DocumentSet> {
  const folders = { ubl: join(dir, 'ubl'), cii: join(dir, 'cii') };
  await Promise.all([mkdir(folders.ubl, { recursive: true }), mkdir(folders.cii, { recursive: true })]);
  const files = await Promise.all(
    sources.map(async (source, index) => {
      const file = join(dir, `${index}-${basename(source)}`);
      await copyFile(source, file);
      await symlink(file, join(folders[syntaxOf(source)], basename(file)));
      return file;
    }),
  );
  return { files, folders };
}

/** konform's run; every document must be accepted. */
async function konformMs(set: DocumentSet): Promise<number> {
  const started = performance.now();
  const report = await run({ suite: 'xrechnung-3.0', target: { files: set.files } });
  const ms = performance.now() - started;
  if (report.verdict !== 'conformant') throw new Error(`konform did not accept every document (${report.verdict})`);
  return ms;
}

/** Saxon's command line: one JVM per stylesheet, one after the other or all at once. */
async function saxonMs(set: DocumentSet, jobs: readonly Job[], parallel: boolean, scratch: string): Promise<number> {
  const { java, jar } = saxonCommand();
  const output = await mkdtemp(join(scratch, 'out-'));
  const outputs = await Promise.all(jobs.map(async (_job, index) => mkdir(join(output, String(index)), { recursive: true }).then(() => join(output, String(index)))));
  const transform = (job: Job, index: number) => runProcess(java, saxonArguments(jar, job.stylesheet, set.folders[job.syntax], outputs[index] as string));
  const started = performance.now();
  const finished = parallel ? await Promise.all(jobs.map(transform)) : [];
  if (!parallel) for (const [index, job] of jobs.entries()) finished.push(await transform(job, index));
  const ms = performance.now() - started;
  await rm(output, { recursive: true, force: true });
  const failed = finished.find((result) => result.code !== 0);
  if (failed) throw new Error(`Saxon failed: ${failed.stderr.slice(0, 300)}`);
  return ms;
}

async function setup(scratch: string) {
  const sources = (await readdir(TESTSUITE, { recursive: true })).filter((entry) => entry.endsWith('.xml')).sort().map((entry) => join(TESTSUITE, entry));
  const repeated = Array.from({ length: DOCUMENTS }, (_, index) => sources[index % sources.length] as string);
  const pair = [sources.find((file) => syntaxOf(file) === 'ubl'), sources.find((file) => syntaxOf(file) === 'cii')] as string[];
  const read = (path: string) => readFile(join(STANDARD, path));
  const jobs: Job[] = [];
  for (const syntax of Object.keys(SCHEMATRON) as Syntax[]) {
    for (const sch of SCHEMATRON[syntax]) {
      const stylesheet = join(scratch, `${jobs.length}.xsl`);
      await writeFile(stylesheet, (await compileSchematron(sch, read)).xslt);
      jobs.push({ syntax, stylesheet });
    }
  }
  return { full: await documentSet(join(scratch, 'full'), repeated), start: await documentSet(join(scratch, 'start'), pair), jobs, instances: sources.length };
}

export async function xrechnungStack(): Promise<Measurement> {
  const base = {
    id: 'xrechnung-stack',
    title: `Full XRechnung stack over ${DOCUMENTS} documents vs Saxon-HE alone on the same compiled XSLT (documents per second after start-up)`,
    target: { ratio: 0.8, meaning: 'konform documents/s ÷ Saxon-HE documents/s (the stylesheets one after the other), both after start-up' },
  };
  const availability = await saxonEngine().available();
  if (!availability.ok) return { ...base, status: 'skipped', reason: `${availability.reason} (${availability.install})`, notes: [] };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-xrechnung-'));
  try {
    const { full, start, jobs, instances } = await setup(scratch);
    const loadBefore = loadavg().map((load) => round(load, 2));
    const time = (measure: (set: DocumentSet) => Promise<number>) => async (): Promise<Timing> => {
      const [beforeStart, startMs, afterStart] = [await cpuMs(), await measure(start), await cpuMs()];
      const [fullMs, afterFull] = [await measure(full), await cpuMs()];
      return { startMs, fullMs, startCpuMs: afterStart - beforeStart, fullCpuMs: afterFull - afterStart };
    };
    const timing: Record<Side, () => Promise<Timing>> = {
      konform: time(konformMs),
      saxonSequential: time((set) => saxonMs(set, jobs, false, scratch)),
      saxonParallel: time((set) => saxonMs(set, jobs, true, scratch)),
    };
    await timing.konform();
    const rounds: Array<Record<Side, Timing & { perSecond: number; perCpuSecond: number }>> = [];
    for (let index = 0; index < ROUNDS; index += 1) {
      const timed: Partial<(typeof rounds)[number]> = {};
      for (const side of [...SIDES.slice(index), ...SIDES.slice(0, index)]) {
        const result = await timing[side]();
        const documents = DOCUMENTS - start.files.length;
        timed[side] = { ...result, perSecond: perSecond(documents, result.fullMs - result.startMs), perCpuSecond: perSecond(documents, result.fullCpuMs - result.startCpuMs) };
      }
      rounds.push(timed as (typeof rounds)[number]);
    }
    const rate = (side: Side) => round(median(rounds.map((r) => r[side].perSecond)), 0);
    const ratio = (baseline: Side) => median(rounds.map((r) => r.konform.perSecond / r[baseline].perSecond));
    return measured(
      base,
      ratio('saxonSequential'),
      { konform: `${rate('konform')} documents/s`, baseline: `Saxon-HE alone ${rate('saxonSequential')} documents/s` },
      {
        documents: DOCUMENTS,
        instances,
        documentsPerSecond: { konform: rate('konform'), saxonSequential: rate('saxonSequential'), saxonParallel: rate('saxonParallel') },
        absoluteTarget: { documentsPerSecond: ABSOLUTE_TARGET, met: rate('konform') >= ABSOLUTE_TARGET },
        ratioToSaxonParallel: round(ratio('saxonParallel'), 3),
        /** Work, not time: documents per CPU-second of konform (node and JVMs) and of Saxon's JVMs. */
        documentsPerCpuSecond: Object.fromEntries(SIDES.map((side) => [side, round(median(rounds.map((r) => r[side].perCpuSecond)), 0)])),
        startUpMs: Object.fromEntries(SIDES.map((side) => [side, round(median(rounds.map((r) => r[side].startMs)), 0)])),
        saxon: availability.version,
        rounds: rounds.map((r) => Object.fromEntries(SIDES.map((side) => [side, { startMs: round(r[side].startMs, 0), fullMs: round(r[side].fullMs, 0), startCpuMs: r[side].startCpuMs, fullCpuMs: r[side].fullCpuMs }]))),
        loadAverage: { before: loadBefore, after: loadavg().map((load) => round(load, 2)) },
      },
      [
        `konform: library run() of suite xrechnung-3.0 (${DOCUMENTS} documents × 9 checks: well-formed, scenario, 3 × XSD, 2 × CEN, 2 × XRechnung Schematron); every document must be accepted. It runs its four Saxon JVMs at once, beside its own XSD validation.`,
        'Saxon-HE alone: the four stylesheets konform compiles, each in its own `net.sf.saxon.Transform -s:<folder> -o:<folder>` JVM with the same JVM options — one after the other for the ratio; all four at once for ratioToSaxonParallel, which does no XSD validation while using both cores for Saxon.',
        'Start-up: a run over one UBL and one CII document (JVM start, stylesheet compilation, for konform also suite, standard and XSD loading); throughput is the remaining documents over the remaining time.',
        'Wall clock on a machine shared with other work: see loadAverage. documentsPerCpuSecond counts CPU time instead (this process and its JVMs), which other work on the machine does not distort.',
      ],
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
