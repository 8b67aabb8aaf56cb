/**
 * The recording of a run (`record`): exchanges.har in the output folder (src/replay), opened
 * with what a replay needs to make the same run again — the suite (a shipped one by its id,
 * else by its path), the profile, the target with the hash of its declared document, the
 * limits and the schemes of the credentials — redacted as everything the run writes.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { readHashed } from '../core/file-hash.js';
import type { Redactor } from '../http/redaction.js';
import { openHarRecording, type HarRecording } from '../replay/har-writer.js';
import { recordedAuthOf, type RecordedRun } from '../replay/recorded-run.js';
import type { Loaded } from './assemble-report.js';
import type { ResolvedRunOptions } from './options.js';

async function recordedRunOf(loaded: Omit<Loaded, 'referenced'>, resolved: ResolvedRunOptions, redactor: Redactor): Promise<RecordedRun> {
  const { suite, profile, target } = loaded;
  const shipped = suite.file === join(PACKAGE_ROOT, 'suites', suite.id, 'suite.yaml');
  const parameters = target.parameters && Object.fromEntries(Object.entries(target.parameters).map(([name, value]) => [name, redactor.redactText(value)]));
  return {
    suite: shipped ? suite.id : suite.file,
    profile: profile.id,
    target: {
      ...(target.url ? { url: redactor.redactUrl(target.url) } : {}),
      ...(target.spec ? { spec: { path: target.spec, sha256: (await readHashed(target.spec)).sha256 } } : {}),
      allowedHosts: target.allowedHosts,
      ...(target.refHosts ? { refHosts: target.refHosts } : {}),
      allowUnsafe: target.allowUnsafe,
      ...(parameters ? { parameters } : {}),
    },
    limits: resolved.limits,
    auth: recordedAuthOf(resolved.auth ?? [], redactor),
  };
}

/** Opens the recording in `out`, which the run has claimed. */
export async function openRunRecording(loaded: Omit<Loaded, 'referenced'>, resolved: ResolvedRunOptions & { out: string }, redactor: Redactor): Promise<HarRecording> {
  return openHarRecording(resolved.out, await recordedRunOf(loaded, resolved, redactor), redactor);
}
