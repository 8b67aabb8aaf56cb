/**
 * Test support for the Schematron engine: Schematron sources and documents written into a
 * scratch folder, compiled by konform and run in one Saxon batch.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileSchematron } from '../../src/xml/schematron/compile.js';
import type { SvrlAssertion, SvrlResult } from '../../src/xml/schematron/engine.js';
import { saxonEngine } from '../../src/xml/schematron/saxon.js';

export interface Scratch {
  dir: string;
  /** Writes files (path → text) below the folder; returns their absolute paths. */
  write(files: Record<string, string>): Promise<string[]>;
  remove(): Promise<void>;
}

export async function scratchFolder(): Promise<Scratch> {
  const dir = await mkdtemp(join(tmpdir(), 'konform-sch-'));
  return {
    dir,
    async write(files) {
      return Promise.all(
        Object.entries(files).map(async ([path, text]) => {
          const file = join(dir, path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, text);
          return file;
        }),
      );
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Compiles `entry` (relative to the folder) and runs it over the documents in one batch. */
export async function runSchematron(dir: string, entry: string, documents: string[], phase?: string): Promise<Map<string, SvrlResult>> {
  const compiled = await compileSchematron(entry, (path) => readFile(join(dir, path)), phase ? { phase } : {});
  return saxonEngine().validateBatch(compiled.xslt, documents);
}

export function assertionsOf(result: SvrlResult | undefined): SvrlAssertion[] {
  if (!result?.ok) throw new Error(`no SVRL: ${result ? result.reason : 'no result'}`);
  return result.assertions;
}

/** `id@location` of each assertion, sorted: what two evaluations must agree on. */
export function fired(result: SvrlResult | undefined): string[] {
  return assertionsOf(result)
    .map((assertion) => `${assertion.id ?? '?'}@${assertion.location}`)
    .sort();
}
