/**
 * Child processes of the benchmarks: the reference server, the peer-tool installer, and the
 * command-line tools whose wall clock is compared (from spawn to exit, output collected).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/core/package-root.js';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/**
 * CPU time (user and system) of this process's children that have ended and been waited for,
 * from /proc/self/stat (Linux; clock ticks of 10 ms): the difference around one child is its
 * CPU time, which other work on the machine does not stretch as it does the wall clock.
 */
export async function endedChildrenCpuMs(): Promise<number> {
  const fields = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]?.split(' ') ?? [];
  return [13, 14].reduce((sum, index) => sum + Number(fields[index]) * 10, 0);
}

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * Where stdout and stderr go, instead of pipes; read back into `stdout` once the process is
   * gone. A tool that calls process.exit() loses what is still buffered for a pipe, not for a file.
   */
  outputFile?: string;
}

export async function runProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<Finished> {
  const output = options.outputFile === undefined ? undefined : openSync(options.outputFile, 'w');
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd ?? PACKAGE_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', output ?? 'pipe', output ?? 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const { code, wallMs } = await new Promise<{ code: number | null; wallMs: number }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ code: exitCode, wallMs: performance.now() - started }));
  }).finally(() => output !== undefined && closeSync(output));
  if (options.outputFile !== undefined) stdout = await readFile(options.outputFile, 'utf8');
  return { code, stdout, stderr, wallMs };
}

export interface ReferenceServer {
  /** Base URL including the base path of the document's server URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * The Pegel-Online reference server (fixtures/pegel-online/server.ts) in its own process, so
 * that the work of answering is not charged to the client being measured.
 */
export async function startReferenceServer(): Promise<ReferenceServer> {
  const script = join(PACKAGE_ROOT, 'dist', 'fixtures', 'pegel-online', 'start.js');
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const line = printed.split('\n')[0];
      if (printed.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the reference server exited with ${code} before it listened`)));
  });
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
