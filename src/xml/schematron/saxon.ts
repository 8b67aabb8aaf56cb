/**
 * The Saxon-HE engine: one JVM per batch. The stylesheet is written and the batch's files are
 * linked into a temporary folder, and Saxon's command line transforms the whole folder
 * (`-s:<dir> -o:<dir>`, fenced as saxon-command.ts describes): the stylesheet is compiled and
 * the JVM started once per batch, however many documents there are. Saxon's reports stay in
 * the folder until each is taken; the folder goes when the batch is disposed.
 */
import { access, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EngineAvailability, SchematronEngine, SvrlBatch, SvrlResult } from './engine.js';
import { runProcess } from './process.js';
import { saxonArguments, saxonCommand, type SaxonOptions } from './saxon-command.js';
import { parseSvrl } from './svrl.js';

export const SAXON_INSTALL = 'apt-get install default-jre-headless libsaxonhe-java';

/** Saxon names a document that failed as `While processing <file>: <message>`. */
const FAILED = /^While processing (\S+?): (.*)$/gm;

/** Generous: a JVM that is stuck (a runaway regular expression, say) must not hang the run. */
function timeoutFor(documents: number): number {
  return 120_000 + documents * 1_000;
}

/** The SVRL Saxon wrote for one document, or why there is none. */
async function resultOf(name: string, failure: string | undefined, report: string, otherwise: string): Promise<SvrlResult> {
  if (failure !== undefined) return { ok: false, reason: failure };
  const bytes = await readFile(report).catch(() => undefined);
  if (!bytes) return { ok: false, reason: otherwise };
  try {
    return { ok: true, ...parseSvrl(bytes, name) };
  } catch (error) {
    // A JVM killed while writing leaves a truncated report.
    return { ok: false, reason: `${otherwise}: ${(error as Error).message}` };
  }
}

const notInBatch = (file: string): SvrlResult => ({ ok: false, reason: `${file} is not a document of this batch, or its result was taken` });

export function saxonEngine(options: SaxonOptions = {}): SchematronEngine {
  const { java, jar } = saxonCommand(options);
  let availability: Promise<EngineAvailability> | undefined;

  async function probe(): Promise<EngineAvailability> {
    const missing = (reason: string): EngineAvailability => ({ ok: false, reason, install: SAXON_INSTALL });
    try {
      await access(jar);
    } catch {
      return missing(`Saxon-HE is not installed: ${jar} does not exist`);
    }
    const run = await runProcess(java, ['-cp', jar, 'net.sf.saxon.Version'], { timeoutMs: 60_000 });
    if (run.error) return missing(`Java cannot be started (${java}): ${run.error}`);
    const version = /SAXON-HE \S+/i.exec(run.stdout + run.stderr)?.[0];
    if (run.code !== 0 || !version) return missing(`${jar} is not a working Saxon-HE: ${(run.stderr || run.stdout).trim().slice(0, 300)}`);
    return { ok: true, version };
  }

  async function runBatch(xslt: string, files: readonly string[], signal?: AbortSignal): Promise<SvrlBatch> {
    const ready = await (availability ??= probe());
    if (!ready.ok) throw new Error(ready.reason);
    if (files.length === 0) return { take: async (file) => notInBatch(file), dispose: async () => undefined };
    const folder = await mkdtemp(join(tmpdir(), 'konform-saxon-'));
    const removed = () => rm(folder, { recursive: true, force: true });
    try {
      const input = join(folder, 'in');
      const output = join(folder, 'out');
      const stylesheet = join(folder, 'schematron.xsl');
      await Promise.all([mkdir(input), mkdir(output), writeFile(stylesheet, xslt)]);
      const names = new Map(files.map((file, index) => [file, `${index}.xml`]));
      await Promise.all([...names].map(([file, name]) => symlink(resolve(file), join(input, name))));
      const run = await runProcess(java, saxonArguments(jar, stylesheet, input, output), { timeoutMs: timeoutFor(files.length), ...(signal ? { signal } : {}) });
      const failures = new Map([...run.stderr.matchAll(FAILED)].map((match) => [match[1] as string, match[2] as string]));
      const general = run.error ?? (run.stderr.trim().split('\n').slice(0, 6).join(' ').replace(/\s+/g, ' ') || `Saxon exited with ${run.code}`);
      await rm(input, { recursive: true, force: true });
      return {
        // One report at a time, when its document is judged, then deleted: ten thousand reports are never all in memory.
        async take(file) {
          const name = names.get(file);
          if (name === undefined) return notInBatch(file);
          names.delete(file);
          const report = join(output, name);
          const result = await resultOf(name, failures.get(name), report, general);
          await rm(report, { force: true });
          return result;
        },
        dispose: removed,
      };
    } catch (error) {
      await removed();
      throw error;
    }
  }

  async function validateBatch(xslt: string, files: readonly string[], signal?: AbortSignal): Promise<Map<string, SvrlResult>> {
    const batch = await runBatch(xslt, files, signal);
    try {
      const results = new Map<string, SvrlResult>();
      for (const file of files) results.set(file, await batch.take(file));
      return results;
    } finally {
      await batch.dispose();
    }
  }

  return { name: 'saxon-he', available: () => (availability ??= probe()), runBatch, validateBatch };
}
