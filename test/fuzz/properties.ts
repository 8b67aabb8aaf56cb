/**
 * Properties every fuzzed run must keep, whatever its input: it ends (within a wall-clock
 * guard far above its own deadlines), its report and the files written with `out` are valid,
 * and the memory of the process does not grow with the number of cases.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { validateReport } from '../../src/report/validate-report.js';
import { parseXml } from '../report/xml-parse.js';

/** `work`, or a failure when it has not settled after `ms`: a hang is a counterexample, not a stuck test. */
export async function withinGuard<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} has not ended after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** The text of report.json, junit.xml and summary.md. */
export interface Outputs {
  json: string;
  junit: string;
  summary: string;
}

/**
 * The report is valid against its schema, and so is the report.json written to `out`, the
 * same report; junit.xml is well-formed; summary.md is there. Returns the files' text.
 */
export async function expectValidOutputs(report: Report, out: string): Promise<Outputs> {
  const read = (name: string) => readFile(join(out, name), 'utf8');
  const outputs = { json: await read('report.json'), junit: await read('junit.xml'), summary: await read('summary.md') };
  expect(validateReport(report)).toEqual([]);
  const written = JSON.parse(outputs.json) as unknown;
  expect(validateReport(written)).toEqual([]);
  expect(written).toEqual(JSON.parse(JSON.stringify(report)));
  expect(parseXml(outputs.junit).name).toBe('testsuites');
  expect(outputs.summary).toMatch(/^# konform: /);
  return outputs;
}

/**
 * The growth of the resident set since the first case ended (modules, compiled code and
 * caches are in place by then) stays under `boundBytes` after every case.
 */
export function memoryBound(boundBytes: number): { afterCase(): void } {
  let baseline: number | undefined;
  return {
    afterCase() {
      const rss = process.memoryUsage().rss;
      baseline ??= rss;
      expect(rss - baseline, `resident set grew by ${Math.round((rss - baseline) / 2 ** 20)} MiB`).toBeLessThan(boundBytes);
    },
  };
}
