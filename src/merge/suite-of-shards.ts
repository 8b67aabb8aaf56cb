/**
 * The suite and standard the shards were judged by, loaded again to judge the merged results:
 * only the same konform version with the same suite and standard, byte for byte as their
 * sha256 pins say, judges them as the run over all files would have.
 */
import { TOOL_VERSION } from '../core/package-root.js';
import { jsonEqual } from '../core/json-equal.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Report } from '../model/report.js';
import type { Standard, Suite } from '../model/types.js';
import { loadSuite } from '../run/load-suite.js';
import { pinnedStandard } from '../run/referenced-standards.js';

const refuse = (message: string) => new KonformError(ERROR_CODES.USAGE, `konform merge: ${message}`);

/** `suite`: the suite's id or path where the shards' id does not find it (a suite folder of one's own). */
export async function suiteOfShards(report: Report, suite: string | undefined): Promise<{ suite: Suite; standard: Standard }> {
  if (report.tool.version !== TOOL_VERSION) {
    throw refuse(`the shards were judged by konform ${report.tool.version}, this is konform ${TOOL_VERSION}: merge them with the version that judged them`);
  }
  const loaded = await loadSuite(suite ?? report.suite.id);
  if (loaded.suite.id !== report.suite.id || loaded.suite.version !== report.suite.version || loaded.suite.sha256 !== report.suite.sha256) {
    throw refuse(
      `the shards were judged by suite ${report.suite.id} ${report.suite.version} (sha256 ${report.suite.sha256}), but ${suite ?? report.suite.id} is ${loaded.suite.id} ${loaded.suite.version} (sha256 ${loaded.suite.sha256}): give that suite with --suite`,
    );
  }
  if (!jsonEqual(pinnedStandard(loaded.standard), report.standard)) {
    throw refuse(`the standard ${report.standard.id} ${report.standard.version} here is not the one the shards were judged by (manifest sha256 ${loaded.standard.manifestSha256}, not ${report.standard.manifestSha256})`);
  }
  return loaded;
}
