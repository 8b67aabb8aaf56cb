/** `konform validate <suite> <files|folders|globs…>`: a conformance run over message files. */
import type { Command } from 'commander';
import { resolveSuiteFile } from '../../run/load-suite.js';
import type { CliIo } from '../io.js';
import { favourSmallHeap } from '../small-heap.js';
import { concurrencyFrom, defineCommonRunOptions, runAndReport, type CommonRunFlags } from '../run-and-report.js';

export function defineValidateOptions(command: Command): Command {
  return defineCommonRunOptions(command);
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
