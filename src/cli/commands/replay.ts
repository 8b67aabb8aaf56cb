/**
 * `konform replay <dir or exchanges.har>`: judges a recorded run (`konform run --record`) again
 * from its recording, without any network, and writes the same reports. The suite, profile,
 * target and limits are the recorded run's unless given; a request the recording holds no
 * answer to leaves what depended on it cantTell (`not-recorded`).
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { RECORDING_FILE } from '../../replay/har.js';
import { readRecording } from '../../replay/har-reader.js';
import { replayRunOf } from '../../replay/replay-run.js';
import type { CliIo } from '../io.js';
import { concurrencyFrom, runAndReport } from '../run-and-report.js';
import type { ReplayFlags } from './replay-options.js';

/** The HAR file: the one given, or exchanges.har in the folder given. */
async function recordingFile(source: string): Promise<string> {
  try {
    return (await stat(source)).isDirectory() ? join(source, RECORDING_FILE) : source;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.USAGE, `no recording at ${source}: ${message}`, { file: source }, { cause: error });
  }
}

export async function replayCommand(source: string, flags: ReplayFlags, io: CliIo): Promise<number> {
  const recording = await readRecording(await recordingFile(resolve(io.cwd, source)));
  const { profile, limits, ...replay } = await replayRunOf(recording, {
    ...(flags.suite ? { suite: flags.suite } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.target ? { targetUrl: flags.target } : {}),
    ...(flags.spec ? { spec: resolve(io.cwd, flags.spec) } : {}),
  });
  return runAndReport(io, { ...flags, ...(profile ? { profile } : {}) }, { ...replay, limits: { ...limits, ...concurrencyFrom(flags) } });
}
