/**
 * `konform suite pin <suite>`: after an artifact of the suite's standard changed, shows each
 * stale sha256 pin of its manifest.yaml (path, pinned → actual) and rewrites them; with
 * `--check` it only shows them and exits 1 when any is stale.
 */
import { standardDirOfSuite } from '../../run/load-suite.js';
import { pinStandard } from '../../core/pin-standard.js';
import type { CliIo } from '../io.js';

export async function pinCommand(name: string, flags: { check?: boolean }, io: CliIo): Promise<number> {
  const review = await pinStandard(await standardDirOfSuite(name), { write: !flags.check });
  if (review.stale.length === 0) {
    io.stdout.write(`${review.manifestFile}: all ${review.artifacts} pins match their files\n`);
    return 0;
  }
  io.stdout.write(`${review.manifestFile}: ${review.stale.length} of ${review.artifacts} pins stale\n`);
  for (const pin of review.stale) io.stdout.write(`  ${pin.path}: ${pin.pinned} → ${pin.actual}\n`);
  io.stdout.write(flags.check ? 'not written (--check)\n' : 'rewritten\n');
  return flags.check ? 1 : 0;
}
