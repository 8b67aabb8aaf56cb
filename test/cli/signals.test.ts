/**
 * Repeated Ctrl-C while the reports are written (src/cli/signals.ts, as the built `konform`
 * installs it): a second signal lets the writing finish — every format is written, no temporary
 * file is left — and a third ends the process at once, still without a temporary file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import type { Exchange } from '../../src/model/exchange.js';
import { REPORT_FORMATS } from '../../src/report/formats.js';
import { sampleReport } from '../helpers/sample-report.js';

const FORMAT_FILES = Object.values(REPORT_FORMATS).map((format) => format.file).sort();

const scratch = await mkdtemp(join(tmpdir(), 'konform-signals-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const built = (path: string) => pathToFileURL(join(PACKAGE_ROOT, 'dist', 'src', path)).href;

/** A report that takes many writes: 32 exchanges with an excerpt of 512 KiB each. */
function largeReport() {
  const report = sampleReport();
  const [first] = report.exchanges as [Exchange];
  report.exchanges = Array.from({ length: 32 }, (_, index) => ({ ...first, id: `x${index + 1}`, request: { ...first.request, url: `${first.request.url}/${index}` }, response: { ...first.response!, bodyExcerpt: 'x'.repeat(512 * 1024) } }));
  return report;
}

/**
 * A process that writes the reports as `konform` does at the end of an interrupted run, and
 * gets `signals` more SIGINTs once the first temporary file is there.
 */
async function writeWithSignals(signals: number): Promise<{ code: number | null; files: string[] }> {
  const reportFile = join(scratch, 'report-input.json');
  await writeFile(reportFile, JSON.stringify(largeReport()));
  const out = join(scratch, `out-${signals}`);
  const script = `
    const { existsSync, readdirSync, readFileSync } = await import('node:fs');
    const { setImmediate: turn } = await import('node:timers/promises');
    const { stopOnSignals } = await import(${JSON.stringify(built('cli/signals.js'))});
    const { writeReports } = await import(${JSON.stringify(built('report/write-reports.js'))});
    const controller = new AbortController();
    stopOnSignals(controller, process.stderr);
    controller.abort('SIGINT');
    const writing = writeReports(JSON.parse(readFileSync(${JSON.stringify(reportFile)}, 'utf8')), ${JSON.stringify(out)});
    const temporaryThere = () => existsSync(${JSON.stringify(out)}) && readdirSync(${JSON.stringify(out)}).some((file) => file.endsWith('.tmp'));
    while (!temporaryThere()) await turn();
    for (let sent = 0; sent < ${signals}; sent += 1) process.kill(process.pid, 'SIGINT');
    await writing;
    process.exit(3);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, files: (await readdir(out)).sort() };
}

describe('Ctrl-C again while the reports are written', () => {
  it('once more: the writing finishes, every format is there and no temporary file', async () => {
    const { code, files } = await writeWithSignals(1);
    expect(code).toBe(3);
    expect(files).toEqual(FORMAT_FILES);
  });

  it('twice more: the process ends at once, leaving no temporary file', async () => {
    const { code, files } = await writeWithSignals(2);
    expect(code).toBe(3);
    expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });
});
