/**
 * `npm run bench`: konform against its baselines, all in one run on one machine, written to
 * bench/results.json with the machine's description, then the Dredd and start-up benchmarks
 * again on Node.js 24 (`otherNodes`). A missed target is a result, not an error: the exit code
 * is 0 whenever every benchmark ran or was skipped with its reason.
 *
 *   node dist/bench/run.js [--json] [id…]   only the named benchmarks; --json prints them
 *                                           instead of writing results.json
 */
import { writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT, TOOL_VERSION } from '../src/core/package-root.js';
import { contractVsUndici } from './contract-vs-undici.js';
import { crawlVsUndici } from './crawl.js';
import { dreddVsKonform } from './dredd.js';
import { inboxFullStack, inboxOneCore, inboxTwoCores } from './inbox.js';
import { dreddLargeDocument } from './dredd-large.js';
import { largeDocument } from './large-document.js';
import { round, type Measurement } from './measurement.js';
import { ogcapiMapServer } from './ogcapi.js';
import { oparlMunicipality } from './oparl-municipality.js';
import { onOtherNode } from './other-node.js';
import { oversizeMemory } from './oversize-memory.js';
import { startReferenceServer, type ReferenceServer } from './processes.js';
import { renderFormats } from './render-formats.js';
import { validationThroughput } from './validation.js';
import { startUp } from './start-up.js';
import { validateMemory } from './validate-memory.js';
import { verifySignedFolder } from './verify-folder.js';
import { xrechnungStack } from './xrechnung.js';
import { xsdOneThread, xsdTwoCores } from './xsd.js';

const RESULTS = join(PACKAGE_ROOT, 'bench', 'results.json');

const BENCHMARKS: ReadonlyMap<string, (server: ReferenceServer) => Promise<Measurement>> = new Map([
  ['contract-vs-undici', contractVsUndici],
  ['dredd-vs-konform', dreddVsKonform],
  ['dredd-200-operations', dreddLargeDocument],
  ['start-up', startUp],
  ['validation-vs-ajv', validationThroughput],
  ['xsd-one-thread', xsdOneThread],
  ['xsd-two-cores', xsdTwoCores],
  ['xrechnung-stack', xrechnungStack],
  ['validate-memory', validateMemory],
  ['inbox-one-core', inboxOneCore],
  ['inbox-two-cores', inboxTwoCores],
  ['inbox-full-stack', inboxFullStack],
  ['ogcapi-mapserver', ogcapiMapServer],
  ['crawl-vs-undici', crawlVsUndici],
  ['oversize-memory', oversizeMemory],
  ['large-document', largeDocument],
  ['verify-folder', verifySignedFolder],
  ['render-formats', renderFormats],
  ['oparl-municipality', oparlMunicipality],
]);
/** What runs again on each other Node.js major. */
const ON_OTHER_NODES = { majors: [24], ids: ['dredd-vs-konform', 'dredd-200-operations', 'start-up'] };

const args = process.argv.slice(2);
const printJson = args.includes('--json');
const chosen = args.filter((arg) => arg !== '--json');
const unknown = chosen.filter((id) => !BENCHMARKS.has(id));
if (unknown.length > 0) throw new Error(`no benchmark ${unknown.join(', ')}; there are ${[...BENCHMARKS.keys()].join(', ')}`);

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
  for (const [id, benchmark] of BENCHMARKS) {
    if (chosen.length > 0 && !chosen.includes(id)) continue;
    const measurement = await benchmark(server);
    measurements.push(measurement);
    process.stderr.write(`${measurement.id}: ${measurement.status === 'measured' ? measurement.ratio : measurement.status}\n`);
  }
} finally {
  await server.close();
}
if (printJson) {
  console.log(JSON.stringify({ node: process.version, measurements }));
} else if (chosen.length > 0) {
  console.log(table(measurements));
  console.log('\na part of the benchmarks: bench/results.json is left as it was');
} else {
  const otherNodes = [];
  for (const major of ON_OTHER_NODES.majors) otherNodes.push(await onOtherNode(major, ON_OTHER_NODES.ids));
  host.loadAverageAtEnd = loadavg().map((load) => round(load, 2));
  await writeFile(RESULTS, JSON.stringify({ date, tool: { name: 'konform', version: TOOL_VERSION }, machine: host, measurements, otherNodes }, null, 2) + '\n');
  const onOthers = otherNodes.flatMap((other) => ('measurements' in other ? other.measurements.map((m) => ({ ...m, id: `${m.id} (${other.node})` })) : []));
  console.log(table([...measurements, ...onOthers]));
  console.log(`\nwritten to ${RESULTS}`);
}
