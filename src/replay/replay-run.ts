/**
 * The run a replay makes: the recorded one (recorded-run.ts), with what the caller gives in its
 * place, answered by the recording. A recording konform did not write says nothing of its run:
 * the suite and the target URL must then be given. The declared document is held to the hash
 * it had when the run was recorded, unless another is given.
 */
import { resolve } from 'node:path';
import { readHashed } from '../core/file-hash.js';
import type { HopTransport } from '../http/hop.js';
import { DEFAULT_LIMITS, type AuthConfig, type HttpLimits } from '../http/types.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Recording } from './har-reader.js';
import { standInAuth } from './recorded-run.js';
import { replayTransport } from './replay-transport.js';

/** What the caller gives in place of the recorded run. */
export interface ReplayGiven {
  suite?: string;
  profile?: string;
  targetUrl?: string;
  spec?: string;
}

export interface ReplayRun {
  suite: string;
  profile?: string;
  target: { url?: string; spec?: string; allowedHosts: string[]; allowUnsafe: boolean; parameters?: Record<string, string> };
  limits: HttpLimits;
  auth: AuthConfig[];
  transport: HopTransport;
}

async function recordedSpec(spec: { path: string; sha256: string }, recording: string): Promise<string> {
  let now: string;
  try {
    now = (await readHashed(spec.path)).sha256;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new KonformError(ERROR_CODES.SPEC_MISSING, `the declared document of the recorded run, ${spec.path}, cannot be read (${message}): give it with --spec`, { file: recording });
  }
  if (now !== spec.sha256) {
    throw new KonformError(
      ERROR_CODES.USAGE,
      `the declared document ${spec.path} changed since the run was recorded (sha256 ${spec.sha256} then, ${now} now): give --spec to judge by it as it is`,
      { file: recording, pointer: '/log/_konform/run/target/spec' },
    );
  }
  return spec.path;
}

export async function replayRunOf(recording: Recording, given: ReplayGiven): Promise<ReplayRun> {
  const recorded = recording.run;
  const suite = given.suite ?? recorded?.suite;
  const url = given.targetUrl ?? recorded?.target.url;
  if (!suite || (!recorded && !url)) {
    throw new KonformError(
      ERROR_CODES.USAGE,
      `${recording.path} was not written by konform and does not say how its run was made: give --suite and --target (and --spec, --profile where the suite needs them)`,
      { file: recording.path },
    );
  }
  const spec = given.spec ? resolve(given.spec) : recorded?.target.spec && (await recordedSpec(recorded.target.spec, recording.path));
  const auth = standInAuth(recorded?.auth ?? []);
  const profile = given.profile ?? recorded?.profile;
  return {
    suite,
    ...(profile ? { profile } : {}),
    target: {
      ...(url ? { url } : {}),
      ...(spec ? { spec } : {}),
      allowedHosts: recorded?.target.allowedHosts ?? [],
      ...(recorded?.target.refHosts ? { refHosts: recorded.target.refHosts } : {}),
      allowUnsafe: recorded?.target.allowUnsafe ?? false,
      ...(recorded?.target.parameters ? { parameters: recorded.target.parameters } : {}),
    },
    // Nothing goes over the wire: no spacing of requests, nor backoff, is needed.
    limits: { ...(recorded?.limits ?? DEFAULT_LIMITS), ratePerHost: 0, backoffMs: 0 },
    auth,
    transport: replayTransport(recording, auth),
  };
}
