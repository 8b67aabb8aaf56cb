/**
 * XSD validation of the XRechnung UBL invoices of the official test suite against UBL 2.1,
 * konform against `xmllint --noout --schema` (Debian libxml2-utils) on the same files. Each
 * round is one job over the file list repeated: xmllint validates it in one invocation (its
 * start-up and schema compilation amortised over the job), konform compiles the schema and
 * validates on the main thread of a process of its own, or in two worker threads that each
 * compile the schema once per job (both are started before the rounds; the workers' start-up
 * is reported apart). Rounds
 * alternate which side goes first; the ratio is the median of the paired rounds. On one
 * thread it compares the CPU time of the two processes, which other work on a shared machine
 * does not distort; with two cores only the wall clock can show the gain.
 */
import { readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadStandard } from '../src/core/load-standard.js';
import { XRECHNUNG_TESTSUITE as TESTSUITE } from '../fixtures/xrechnung/instances.js';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import { clark, readRootElement } from '../src/xml/root-element.js';
import type { PinnedStandard } from '../src/xml/xsd-inputs.js';
import { measured, median, perSecond, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';
import { startPool, startProcess, xmllintRound, type Round } from './xsd-rounds.js';

const STANDARD = join(PACKAGE_ROOT, 'standards', 'xrechnung', '3.0');
const SCHEMA = 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd';
const UBL_INVOICE = '{urn:oasis:names:specification:ubl:schema:xsd:Invoice-2}Invoice';
const REPEAT = 40;
const ROUNDS = 5;

async function ublInvoices(): Promise<string[]> {
  const entries = (await readdir(TESTSUITE, { recursive: true })).filter((entry) => entry.endsWith('.xml')).sort();
  const files: string[] = [];
  for (const file of entries.map((entry) => join(TESTSUITE, entry))) {
    const root = await readRootElement(file);
    if (root && clark(root) === UBL_INVOICE) files.push(file);
  }
  return files;
}

/** What a ratio is computed from: wall clock, or the CPU time of each side's process. */
type Clock = 'ms' | 'cpuMs';

/** Paired rounds, alternating which side goes first; every file must be valid on both sides. */
async function paired(konform: () => Promise<Round>, xmllint: () => Promise<Round>, clock: Clock) {
  await konform();
  const pairs: Array<{ konform: Round; xmllint: Round }> = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    const first = index % 2 === 0 ? await konform() : await xmllint();
    const second = index % 2 === 0 ? await xmllint() : await konform();
    pairs.push(index % 2 === 0 ? { konform: first, xmllint: second } : { konform: second, xmllint: first });
  }
  for (const { konform: k, xmllint: x } of pairs) {
    if (k.valid !== k.files || x.valid !== x.files) throw new Error(`not every invoice validated (konform ${k.valid}, xmllint ${x.valid} of ${k.files})`);
  }
  const rate = (side: 'konform' | 'xmllint') => round(median(pairs.map((pair) => perSecond(pair[side].files, pair[side][clock]))), 0);
  return { konform: rate('konform'), xmllint: rate('xmllint'), ratio: median(pairs.map((pair) => pair.xmllint[clock] / pair.konform[clock])), pairs };
}

type Setup = { ok: true; standard: PinnedStandard; files: string[]; xmllint: string } | { ok: false; reason: string };

async function setup(): Promise<Setup> {
  const probe = await runProcess('xmllint', ['--version']).catch(() => undefined);
  if (!probe || probe.code !== 0) return { ok: false, reason: 'xmllint is not installed (Debian: apt-get install libxml2-utils)' };
  const standard = await loadStandard(STANDARD).catch((error: Error) => error);
  if (standard instanceof Error) return { ok: false, reason: `standards/xrechnung/3.0 cannot be loaded: ${standard.message}` };
  const invoices = await ublInvoices();
  return { ok: true, standard, files: Array.from({ length: REPEAT }, () => invoices).flat(), xmllint: probe.stderr.split('\n')[0] ?? '' };
}

let prepared: Promise<Setup> | undefined;

type Ready = Extract<Setup, { ok: true }>;

/** konform's side of a benchmark: one round, notes for the report, and what to stop afterwards. */
interface Side {
  round(): Promise<Round>;
  clock: Clock;
  notes: string[];
  close?(): Promise<void>;
}

async function benchmark(id: string, title: string, target: number, konform: (ready: Ready) => Promise<Side>): Promise<Measurement> {
  const base = { id, title, target: { ratio: target, meaning: 'konform files/s ÷ xmllint files/s (median of the paired rounds)' } };
  prepared ??= setup();
  const ready = await prepared;
  if (!ready.ok) return { ...base, status: 'skipped', reason: ready.reason, notes: [] };
  const loadBefore = loadavg().map((load) => round(load, 2));
  const side = await konform(ready);
  try {
    const result = await paired(side.round, () => xmllintRound(ready.standard, SCHEMA, ready.files), side.clock);
    const invoices = ready.files.length / REPEAT;
    const unit = side.clock === 'cpuMs' ? 'CPU-s' : 's';
    return measured(
      base,
      result.ratio,
      { konform: `${result.konform} files/${unit}`, baseline: `xmllint ${result.xmllint} files/${unit}` },
      {
        invoices,
        repeat: REPEAT,
        filesPerRound: ready.files.length,
        xmllint: ready.xmllint,
        konformFilesPerSecond: result.konform,
        xmllintFilesPerSecond: result.xmllint,
        clock: side.clock === 'cpuMs' ? 'CPU time of each process' : 'wall clock',
        rounds: result.pairs.map(({ konform: k, xmllint: x }) => ({
          konform: { ms: round(k.ms), cpuMs: round(k.cpuMs) },
          xmllint: { ms: round(x.ms), cpuMs: round(x.cpuMs) },
        })),
        loadAverage: { before: loadBefore, after: loadavg().map((load) => round(load, 2)) },
      },
      side.notes,
    );
  } finally {
    await side.close?.();
  }
}

export const xsdOneThread = (): Promise<Measurement> =>
  benchmark('xsd-one-thread', 'XSD validation of XRechnung UBL invoices: konform on one thread vs xmllint (files per second)', 0.8, async ({ standard, files }) => {
    const side = await startProcess(standard, SCHEMA);
    return {
      round: () => side.round(files),
      clock: 'cpuMs',
      close: () => side.close(),
      notes: [
        'one thread: files per CPU-second of each process, so other work on the machine does not tilt the ratio',
        "konform: the main thread of a child process of its own (bench/xsd-process.ts), started before the rounds and warmed up by one uncounted round; each round's CPU time is taken inside it around the job, which compiles the schema again",
      ],
    };
  });

export const xsdTwoCores = (): Promise<Measurement> =>
  benchmark('xsd-two-cores', 'XSD validation of XRechnung UBL invoices: konform in two worker threads vs xmllint (files per second)', 1.3, async ({ standard, files }) => {
    const pool = await startPool(standard, SCHEMA, 2);
    return {
      round: () => pool.round(files),
      clock: 'ms',
      close: () => pool.close(),
      notes: [
        'two cores: wall clock, which other work on the machine slows down (see loadAverage)',
        `two worker threads started in ${round(pool.startupMs)} ms (not counted in the rounds); each compiles the schema once per round`,
      ],
    };
  });
