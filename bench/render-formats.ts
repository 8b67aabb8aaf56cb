/**
 * `render-formats`: every report format (src/report/formats.ts) rendered and written by
 * `writeReports` for two large runs, held to the run's own time and to a memory limit:
 *
 *   - OParl: library `run()` of suite oparl-1.1 (profile without-https) against the reference
 *     server with 10 000 objects (the server of bench/crawl.ts, in a process of its own). The
 *     shipped crawl budget (2 000 requests) would stop at a fifth of the server, so the run uses
 *     a copy of the suite whose every check is given the budget of bench/crawl.ts (and the
 *     deleted-objects check whole lists), to examine the whole server.
 *   - XRechnung: library `run()` of suite xrechnung-3.0 over 10 000 files (the official
 *     test-suite instances hard-linked over and over, as bench/validate-memory.ts builds them).
 *
 * Each run goes in a child process of its own (Node, modules, the run and its report, nothing
 * else), without `out`: T_run. Then `writeReports(report, folder)` writes every format
 * (T_render) while the resident memory is sampled every SAMPLE_MS; then each format alone again,
 * for its own time, size and memory. Targets: T_render under 10 % of T_run, and the resident
 * memory while rendering under 300 MB, in both runs.
 *
 * As a child: node dist/bench/render-formats.js <run options, a JSON file> <scratch folder>
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { PACKAGE_ROOT } from '../src/core/package-root.js';
import type { Report } from '../src/model/report.js';
import { REPORT_FORMATS } from '../src/report/formats.js';
import { writeReports } from '../src/report/write-reports.js';
import type { RunOptions } from '../src/run/options.js';
import { run } from '../src/run/run.js';
import { favourSmallHeap } from '../src/cli/small-heap.js';
import { saxonEngine } from '../src/xml/schematron/saxon.js';
import { BUDGET as CRAWL_BUDGET, OBJECTS, startServer as startOParlServer } from './crawl.js';
import { loadAverage, measured, round, type Measurement } from './measurement.js';
import { runProcess } from './processes.js';
import { FILES, linkedFolder } from './validate-memory.js';

const MAX_RENDER_SHARE = 0.1;
const LIMIT_MB = 300;
const SAMPLE_MS = 10;

/** The CLI command whose way of running the child follows (src/cli/small-heap.ts for validate). */
type ChildCommand = 'run' | 'validate';

const mb = (bytes: number): number => round(bytes / 2 ** 20);

interface Rendering {
  ms: number;
  /** Resident memory and heap as rendering started. */
  rssAtStartMb: number;
  heapUsedAtStartMb: number;
  /** Highest resident memory and heap in the samples taken while rendering. */
  sampledPeakRssMb: number;
  sampledPeakHeapUsedMb: number;
  /** getrusage maxRSS of the process after rendering; above `maxRssBeforeMb` only if rendering set a new high. */
  maxRssAfterMb: number;
}

interface ChildFigures {
  runMs: number;
  verdict: string;
  complete: boolean;
  results: number;
  findings: number;
  exchanges: number;
  requirements: number;
  /** getrusage maxRSS once the run has ended: the run's own peak. */
  maxRssBeforeMb: number;
  all: Rendering;
  formats: Record<string, Rendering & { file: string; bytes: number }>;
}

/** `work`, timed, with the process's memory sampled every SAMPLE_MS while it runs. */
async function sampled(work: () => Promise<unknown>): Promise<Rendering> {
  const atStart = process.memoryUsage();
  let peakRss = atStart.rss;
  let peakHeap = atStart.heapUsed;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - started;
  sample();
  return { ms, rssAtStartMb: mb(atStart.rss), heapUsedAtStartMb: mb(atStart.heapUsed), sampledPeakRssMb: mb(peakRss), sampledPeakHeapUsedMb: mb(peakHeap), maxRssAfterMb: round(process.resourceUsage().maxRSS / 1024) };
}

async function runAndRender(options: RunOptions, scratch: string): Promise<ChildFigures> {
  const started = performance.now();
  const report: Report = await run(options);
  const runMs = performance.now() - started;
  const maxRssBeforeMb = round(process.resourceUsage().maxRSS / 1024);
  const all = await sampled(() => writeReports(report, join(scratch, 'all')));
  const formats: ChildFigures['formats'] = {};
  for (const [name, format] of Object.entries(REPORT_FORMATS)) {
    const folder = join(scratch, name);
    const rendering = await sampled(() => writeReports(report, folder, { formats: [name] }));
    formats[name] = { ...rendering, file: format.file, bytes: (await stat(join(folder, format.file))).size };
  }
  return {
    runMs,
    verdict: report.verdict,
    complete: report.complete,
    results: report.results.length,
    findings: report.results.reduce((sum, result) => sum + result.findings.length, 0),
    exchanges: report.exchanges.length,
    requirements: report.requirements.length,
    maxRssBeforeMb,
    all,
    formats,
  };
}

/** The run in a child process; its options go in a file (10 000 paths are too long for an argument). */
async function inChild(options: RunOptions, scratch: string, command: ChildCommand): Promise<ChildFigures> {
  await mkdir(scratch, { recursive: true });
  const optionsFile = join(scratch, 'options.json');
  await writeFile(optionsFile, JSON.stringify({ options, command }));
  const finished = await runProcess(process.execPath, [fileURLToPath(import.meta.url), optionsFile, scratch]);
  if (finished.code !== 0) throw new Error(`render-formats child (${options.suite}) exited with ${finished.code}: ${finished.stderr}`);
  return JSON.parse(finished.stdout) as ChildFigures;
}

/**
 * A copy of oparl-1.1 whose every check has the budget of bench/crawl.ts (enough for the whole
 * server), so that they share one whole crawl, and whose deleted-objects check reads whole lists
 * with modified_since (not 5 pages).
 */
async function oparlSuiteWithBudget(scratch: string): Promise<string> {
  const document = parseDocument(await readFile(join(PACKAGE_ROOT, 'suites', 'oparl-1.1', 'suite.yaml'), 'utf8'));
  const { classes } = document.toJS() as { classes: Array<{ checks: Array<{ kind: string; options?: Record<string, unknown> }> }> };
  classes.forEach((cls, c) =>
    cls.checks.forEach((check, k) => {
      const pages = check.kind === 'oparl.deleted-objects' ? { maxPages: CRAWL_BUDGET.maxPagesPerList } : {};
      document.setIn(['classes', c, 'checks', k, 'options'], { ...check.options, ...pages, budget: CRAWL_BUDGET });
    }),
  );
  const file = join(scratch, 'suites', 'oparl-1.1', 'suite.yaml');
  await mkdir(join(scratch, 'suites', 'oparl-1.1'), { recursive: true });
  await writeFile(file, document.toString());
  return file;
}

async function oparlRun(scratch: string): Promise<ChildFigures> {
  const suite = await oparlSuiteWithBudget(scratch);
  const server = await startOParlServer();
  try {
    return await inChild({ suite, profile: 'without-https', target: { url: server.url }, limits: { ratePerHost: 0 } }, join(scratch, 'oparl'), 'run');
  } finally {
    await server.close();
  }
}

async function xrechnungRun(scratch: string): Promise<ChildFigures> {
  const folder = await linkedFolder(scratch);
  const files = (await readdir(folder)).sort().map((name) => join(folder, name));
  return inChild({ suite: 'xrechnung-3.0', target: { files } }, join(scratch, 'xrechnung'), 'validate');
}

/** The render's peak resident memory: the sampled peak, or the kernel's high-water mark where rendering raised it. */
const renderPeakMb = (figures: ChildFigures): number =>
  Math.max(figures.all.sampledPeakRssMb, figures.all.maxRssAfterMb > figures.maxRssBeforeMb ? figures.all.maxRssAfterMb : 0);

function summary(figures: ChildFigures) {
  const share = figures.all.ms / figures.runMs;
  const peakMb = renderPeakMb(figures);
  return {
    ratio: MAX_RENDER_SHARE / share,
    peakMb,
    figures: {
      runMs: round(figures.runMs, 0),
      renderMs: round(figures.all.ms, 0),
      renderShare: round(share, 4),
      timeRatio: round(MAX_RENDER_SHARE / share, 3),
      renderPeakRssMb: peakMb,
      memoryPass: peakMb < LIMIT_MB,
      verdict: figures.verdict,
      complete: figures.complete,
      results: figures.results,
      findings: figures.findings,
      exchanges: figures.exchanges,
      requirements: figures.requirements,
      memory: {
        rssAfterRunMb: figures.all.rssAtStartMb,
        heapUsedAfterRunMb: figures.all.heapUsedAtStartMb,
        maxRssOfRunMb: figures.maxRssBeforeMb,
        renderRssRiseMb: round(peakMb - figures.all.rssAtStartMb),
        renderHeapRiseMb: round(figures.all.sampledPeakHeapUsedMb - figures.all.heapUsedAtStartMb),
        sampledPeakRssMb: figures.all.sampledPeakRssMb,
        sampledPeakHeapUsedMb: figures.all.sampledPeakHeapUsedMb,
        maxRssAfterRenderMb: figures.all.maxRssAfterMb,
      },
      formats: Object.fromEntries(
        Object.entries(figures.formats).map(([name, format]) => [
          name,
          {
            file: format.file,
            ms: round(format.ms, 0),
            megabytes: round(format.bytes / 1e6, 2),
            sampledPeakRssMb: format.sampledPeakRssMb,
            rssRiseMb: round(format.sampledPeakRssMb - format.rssAtStartMb),
            heapUsedRiseMb: round(format.sampledPeakHeapUsedMb - format.heapUsedAtStartMb),
          },
        ]),
      ),
    },
  };
}

export async function renderFormats(): Promise<Measurement> {
  const base = {
    id: 'render-formats',
    title: `Every report format rendered for a ${OBJECTS}-object OParl run and a ${FILES}-file XRechnung run: time against the run's own, and memory`,
    target: {
      ratio: 1,
      meaning: `${MAX_RENDER_SHARE} ÷ (render time ÷ run time), the lower of the two runs (rendering under ${MAX_RENDER_SHARE * 100} % of the run's time); and resident memory while rendering < ${LIMIT_MB} MB in both`,
    },
  };
  const availability = await saxonEngine().available();
  if (!availability.ok) return { ...base, status: 'skipped', reason: `${availability.reason} (${availability.install})`, notes: [] };
  const scratch = await mkdtemp(join(tmpdir(), 'konform-bench-render-'));
  try {
    const loadBefore = loadAverage();
    const oparl = summary(await oparlRun(scratch));
    const xrechnung = summary(await xrechnungRun(scratch));
    const ratio = Math.min(oparl.ratio, xrechnung.ratio);
    const describe = (name: string, side: ReturnType<typeof summary>) =>
      `${name} ${round(side.figures.renderMs / 1000, 2)} s of ${round(side.figures.runMs / 1000, 1)} s (${round(side.figures.renderShare * 100, 1)} %), ${side.peakMb} MB`;
    const result = measured(
      base,
      ratio,
      { konform: `${describe('OParl', oparl)}; ${describe('XRechnung', xrechnung)}`, baseline: `< ${MAX_RENDER_SHARE * 100} % of the run, < ${LIMIT_MB} MB` },
      { oparl: { objects: OBJECTS, ...oparl.figures }, xrechnung: { files: FILES, ...xrechnung.figures }, limitMb: LIMIT_MB, sampleMs: SAMPLE_MS, loadAverage: { before: loadBefore, after: loadAverage() } },
      [
        `OParl: library run() of oparl-1.1, profile without-https, against the reference server of bench/crawl.ts (${OBJECTS} objects, its own process), rate limit off; the suite is a copy whose every check has the crawl budget of bench/crawl.ts (the shipped budget of 2 000 requests covers a fifth of the server) and whose deleted-objects check reads whole lists (maxPages).`,
        `XRechnung: library run() of xrechnung-3.0 over ${FILES} hard links to copies of the official test-suite instances (bench/validate-memory.ts); Saxon's JVMs are processes of their own, outside the figures.`,
        'Each run in a child process of its own, without out: runMs from the call of run() to its report. renderMs: writeReports(report, folder) of every format of REPORT_FORMATS (German, the default), in the same process, right after.',
        `renderPeakRssMb: the highest resident memory of the process (Node, modules, the report) in samples every ${SAMPLE_MS} ms while rendering, or its getrusage maxRSS after rendering where rendering raised it (a synchronous stretch between samples).`,
        'memory: the process as rendering started (rssAfterRunMb, heapUsedAfterRunMb: live report and the run\'s uncollected garbage), the run\'s own peak (maxRssOfRunMb), and how far rendering raised the resident memory and the heap above where it started.',
        'formats: each format written alone again afterwards, with its time, file size, sampled peak, and rises above its start.',
        'The child runs as the command would: the XRechnung child, like `konform validate`, tells V8 to favour a small heap (src/cli/small-heap.ts); the OParl child, like `konform run`, does not.',
      ],
    );
    const memoryPass = oparl.peakMb < LIMIT_MB && xrechnung.peakMb < LIMIT_MB;
    return result.status === 'measured' ? { ...result, pass: result.pass && memoryPass } : result;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function child([optionsFile, scratch]: string[]): Promise<void> {
  const { options, command } = JSON.parse(await readFile(optionsFile as string, 'utf8')) as { options: RunOptions; command: ChildCommand };
  if (command === 'validate') favourSmallHeap();
  process.stdout.write(JSON.stringify(await runAndRender(options, scratch as string)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await child(process.argv.slice(2));
