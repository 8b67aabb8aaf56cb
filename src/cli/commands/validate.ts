/** `konform validate <suite> <files|folders|globs…>`: a conformance run over message files. */
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import { resolveSuiteFile } from '../../run/load-suite.js';
import type { CliIo } from '../io.js';
import { concurrencyFrom, defineCommonRunOptions, runAndReport, type CommonRunFlags } from '../run-and-report.js';

export function defineValidateOptions(command: Command): Command {
  return defineCommonRunOptions(command);
}

/**
 * A validation of thousands of files is bound by memory rather than time: V8 is told to grow
 * its heap as it does for small devices (a flag its heap-growing heuristics read at each
 * collection). 10 000 XRechnung files: peak resident memory about 300 → 225 MB, the time
 * unchanged within noise (bench/validate-memory.ts).
 */
function favourSmallHeap(): void {
  setFlagsFromString('--optimize-for-size');
}

export async function validateCommand(suite: string, inputs: string[], flags: CommonRunFlags, io: CliIo): Promise<number> {
  // A mistyped suite is named before the inputs are looked for.
  resolveSuiteFile(suite);
  // The glob engine is loaded by the one command that expands inputs.
  const { expandInputs } = await import('../../core/inputs.js');
  const files = await expandInputs(inputs, io.cwd);
  favourSmallHeap();
  return runAndReport(io, flags, { suite, target: { files }, limits: concurrencyFrom(flags) });
}
