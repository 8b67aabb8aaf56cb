#!/usr/bin/env node
/**
 * The `konform` executable, the only place that ends the process (here and, on a repeated
 * signal, in signals.ts). Exit codes: 0 conformant (or a command that succeeded), 1 not
 * conformant, 2 usage or configuration error, 3 inconclusive or interrupted.
 */
import { isKonformError } from '../model/errors.js';
import type { CliIo } from './io.js';
import { buildProgram, CommanderError } from './program.js';
import { stopOnSignals } from './signals.js';

async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  stopOnSignals(controller, process.stderr);
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: controller.signal };
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isKonformError(error)) {
      io.stderr.write(`konform: ${error.code}: ${error.describe()}\n`);
      return 2;
    }
    io.stderr.write(`konform: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 3;
  }
}

/** Resolves once everything written to `stream` so far has been handed on: exiting earlier can cut a large output short. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

const exitCode = await main(process.argv.slice(2));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(exitCode);
