/**
 * One round of the XSD benchmark on each side: xmllint validating the whole list in one
 * invocation, konform compiling the schema and validating on the main thread of a process of
 * its own (bench/xsd-process.ts), or a pool of worker threads (bench/xsd-worker.ts) sharing
 * the list, each compiling the schema for its share.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validateXmlFile } from '../src/xml/xsd-file.js';
import type { PinnedStandard } from '../src/xml/xsd-inputs.js';
import { compileStandardXsd } from '../src/xml/xsd-standard.js';
import { runProcess } from './processes.js';
import type { XsdJobResult } from './xsd-worker.js';

export interface Round {
  files: number;
  /** Wall clock. */
  ms: number;
  /** CPU time of the side's process (user and system, all its threads). */
  cpuMs: number;
  valid: number;
}

/** bash's `times` prints its own CPU time, then its children's: `0m0.244s 0m0.026s`. */
function childCpuMs(times: string): number {
  const children = times.trim().split('\n')[1] ?? '';
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, [, minutes, seconds]) => sum + (Number(minutes) * 60 + Number(seconds)) * 1000, 0);
}

export async function xmllintRound(standard: PinnedStandard, schema: string, files: string[]): Promise<Round> {
  const script = 'xmllint --noout --schema "$0" "$@"; times';
  const run = await runProcess('bash', ['-c', script, join(standard.dir, schema), ...files]);
  const valid = run.stderr.split('\n').filter((line) => line.endsWith(' validates')).length;
  return { files: files.length, ms: run.wallMs, cpuMs: childCpuMs(run.stdout), valid };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** konform's side of one job, on this thread or a worker's: compile the schema once, validate every file, count the valid ones. */
export function validJob(standard: PinnedStandard, schema: string, files: readonly string[]): number {
  const compiled = compileStandardXsd(standard, { schema });
  let valid = 0;
  try {
    for (const file of files) if (validateXmlFile(compiled, file).valid) valid += 1;
  } finally {
    compiled.dispose();
  }
  return valid;
}

export async function konformRound(standard: PinnedStandard, schema: string, files: string[]): Promise<Round> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const valid = validJob(standard, schema, files);
  return { files: files.length, ms: performance.now() - started, cpuMs: cpuSince(cpu), valid };
}

/** The worker's or child's next message, or its error. */
function reply<T>(worker: Worker | ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (value: T) => {
      worker.off('error', onError);
      resolve(value);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}

export interface Pool {
  startupMs: number;
  round(files: string[]): Promise<Round>;
  close(): Promise<void>;
}

export interface ProcessSide {
  round(files: string[]): Promise<Round>;
  close(): Promise<void>;
}

/** A child process that validates each round's files on its main thread (bench/xsd-process.ts). */
export async function startProcess(standard: PinnedStandard, schema: string): Promise<ProcessSide> {
  const child = fork(new URL('./xsd-process.js', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await reply(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    round(files) {
      const answer = reply<Round>(child);
      child.send({ standard, schema, files });
      return answer;
    },
    close: async () => void (child.kill(), await exited),
  };
}

export async function startPool(standard: PinnedStandard, schema: string, size: number): Promise<Pool> {
  const started = performance.now();
  const url = new URL('./xsd-worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: { standard, schema } }));
  await Promise.all(workers.map((worker) => reply(worker)));
  return {
    startupMs: performance.now() - started,
    async round(files) {
      const begun = performance.now();
      const cpu = process.cpuUsage();
      const results = await Promise.all(
        workers.map((worker, index) => {
          const answer = reply<XsdJobResult>(worker);
          worker.postMessage({ files: files.filter((_, at) => at % size === index) });
          return answer;
        }),
      );
      const valid = results.reduce((sum, result) => sum + result.valid, 0);
      return { files: files.length, ms: performance.now() - begun, cpuMs: cpuSince(cpu), valid };
    },
    close: async () => void (await Promise.all(workers.map((worker) => worker.terminate()))),
  };
}
