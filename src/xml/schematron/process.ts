/**
 * Runs a child process to completion with bounded output capture, a time limit and abort.
 * Never rejects: a process that cannot start, runs too long or is aborted reports `error`.
 */
import { spawn } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not start, was killed on timeout or was aborted. */
  error?: string;
}

const MAX_CAPTURE = 1024 * 1024;

export function runProcess(command: string, args: readonly string[], options: { timeoutMs: number; signal?: AbortSignal }): Promise<ProcessRun> {
  return new Promise((settle) => {
    const output = { stdout: '', stderr: '' };
    let error: string | undefined;
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const capture = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (output[stream].length < MAX_CAPTURE) output[stream] += chunk.toString('utf8');
    };
    child.stdout.on('data', capture('stdout'));
    child.stderr.on('data', capture('stderr'));
    const stop = (reason: string) => {
      error ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`${command} did not finish within ${Math.round(options.timeoutMs / 1000)} s`), options.timeoutMs);
    const abort = () => stop('the run was aborted');
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    const finish = (code: number | null) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      settle({ code, ...output, ...(error ? { error } : {}) });
    };
    child.on('error', (cause) => {
      error ??= cause.message;
      finish(null);
    });
    child.on('close', finish);
  });
}
