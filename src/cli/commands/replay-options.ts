/** The options of `konform replay`, apart from the command, so that the CLI loads the replay only when it runs one. */
import type { Command } from 'commander';
import { defineCommonRunOptions, type CommonRunFlags } from '../run-and-report.js';

export interface ReplayFlags extends CommonRunFlags {
  suite?: string;
  target?: string;
  spec?: string;
}

export function defineReplayOptions(command: Command): Command {
  return defineCommonRunOptions(command)
    .option('--suite <suite>', "suite id or path (default: the recorded run's)")
    .option('--target <url>', "base URL of the recorded endpoint (default: the recorded run's)")
    .option('--spec <file>', "OpenAPI document to judge by (default: the recorded run's, which must be unchanged)");
}
