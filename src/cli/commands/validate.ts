/** `konform validate <suite> <files|folders|globs…>`: a conformance run over message files. */
import type { Command } from 'commander';
import { expandInputs } from '../../core/inputs.js';
import type { CliIo } from '../io.js';
import { concurrencyFrom, defineCommonRunOptions, runAndReport, type CommonRunFlags } from '../run-and-report.js';

export function defineValidateOptions(command: Command): Command {
  return defineCommonRunOptions(command);
}

export async function validateCommand(suite: string, inputs: string[], flags: CommonRunFlags, io: CliIo): Promise<number> {
  const files = await expandInputs(inputs, io.cwd);
  return runAndReport(io, flags, { suite, target: { files }, limits: concurrencyFrom(flags) });
}
