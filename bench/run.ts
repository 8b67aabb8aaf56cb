/**
 * `npm run bench`: konform against its baselines, all in one run on one machine, written to
 * bench/results.json with the machine's description. A missed target is a result, not an
 * error: the exit code is 0 whenever every benchmark ran or was skipped with its reason.
 */
import { writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, TOOL_VERSION } from '../src/core/package-root.js';
import { contractVsUndici } from './contract-vs-undici.js';
import { crawlVsUndici } from './crawl.js';
import { dreddVsKonform } from './dredd.js';
import { round, type Measurement } from './measurement.js';
import { ogcapiMapServer } from './ogcapi.js';
import { startReferenceServer, type ReferenceServer } from './processes.js';
import { validationThroughput } from './validation.js';
import { validateMemory } from './validate-memory.js';
import { xrechnungStack } from './xrechnung.js';
import { xsdOneThread, xsdTwoCores } from './xsd.js';

const RESULTS = join(PACKAGE_ROOT, 'bench', 'results.json');

const BENCHMARKS: Array<(server: ReferenceServer) => Promise<Measurement>> = [contractVsUndici, dreddVsKonform, validationThroughput, xsdOneThread, xsdTwoCores, xrechnungStack, validateMemory, ogcapiMapServer, crawlVsUndici];

function machine() {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model ?? 'unknown',
    memoryGiB: round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    /** Load of the machine as the bench started and ended (1, 5, 15 minutes): other work skews the figures. */
    loadAverage: loadavg().map((load) => round(load, 2)),
    loadAverageAtEnd: [] as number[],
  };
}

function table(measurements: readonly Measurement[]): string {
  const rows = measurements.map((m) =>
    m.status === 'skipped'
      ? [m.id, '-', '-', '-', `≥ ${m.target.ratio}`, `skipped: ${m.reason}`]
      : [m.id, m.headline.konform, m.headline.baseline, m.ratio.toFixed(2), `≥ ${m.target.ratio}`, m.pass ? 'pass' : 'FAIL'],
  );
  const all = [['benchmark', 'konform', 'baseline', 'ratio', 'target', 'result'], ...rows];
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => row[column]!.length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

const date = new Date().toISOString();
const host = machine();
const server = await startReferenceServer();
const measurements: Measurement[] = [];
try {
  for (const benchmark of BENCHMARKS) {
    const measurement = await benchmark(server);
    measurements.push(measurement);
    process.stderr.write(`${measurement.id}: ${measurement.status === 'measured' ? measurement.ratio : measurement.status}\n`);
  }
} finally {
  await server.close();
}
host.loadAverageAtEnd = loadavg().map((load) => round(load, 2));
await writeFile(RESULTS, JSON.stringify({ date, tool: { name: 'konform', version: TOOL_VERSION }, machine: host, measurements }, null, 2) + '\n');
console.log(table(measurements));
console.log(`\nwritten to ${RESULTS}`);
