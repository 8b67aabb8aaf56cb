/**
 * `konform suite lint <suite>`: loads the suite as a run would (schema, check kinds, options,
 * requirement IDs, the standard's hashes) and reports the first problem with its location;
 * then every reference a check's kind cannot load and every rule it cannot decide (run/lint-suite.ts).
 * `konform suite coverage <suite>`: requirements of the standard and the checks verifying them.
 * `konform suite selftest <suite>`: the suite's `<?xmute?>` declarations hold (exit 0) or not (1).
 */
import { suiteCoverage } from '../../core/coverage.js';
import { lintError, lintSuite } from '../../run/lint-suite.js';
import { loadSuite } from '../../run/load-suite.js';
import type { CliIo } from '../io.js';

export async function lintCommand(name: string, io: CliIo): Promise<number> {
  const { suite, standard } = await loadSuite(name);
  const problems = await lintSuite(suite, standard);
  if (problems.length > 0) throw lintError(problems);
  const checks = suite.classes.reduce((sum, cls) => sum + cls.checks.length, 0);
  const { gaps } = suiteCoverage(suite, standard);
  io.stdout.write(
    `${suite.file}: ok — ${suite.id} ${suite.version}, ${suite.classes.length} classes, ${checks} checks, ` +
      `${suite.profiles.length} profiles; standard ${standard.id} ${standard.version} (${standard.artifacts.length} artifacts verified)\n`,
  );
  if (gaps.length > 0) io.stdout.write(`${gaps.length} requirements have no check (see: konform suite coverage ${name})\n`);
  return 0;
}

export async function coverageCommand(name: string, flags: { json?: boolean; strict?: boolean }, io: CliIo): Promise<number> {
  const { suite, standard } = await loadSuite(name);
  const coverage = suiteCoverage(suite, standard);
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(coverage, null, 2)}\n`);
  } else {
    const covered = coverage.requirements.length - coverage.gaps.length;
    io.stdout.write(`${suite.id} ${suite.version} → ${standard.id} ${standard.version}: ${covered}/${coverage.requirements.length} requirements covered or marked not testable\n`);
    for (const entry of coverage.requirements) {
      const status = entry.checks.length > 0 ? entry.checks.join(', ') : entry.notTestable ? `not testable: ${entry.notTestable}` : 'NO CHECK';
      io.stdout.write(`  ${entry.id.padEnd(28)} ${entry.level.padEnd(6)} ${status}\n`);
    }
  }
  return flags.strict && coverage.gaps.length > 0 ? 1 : 0;
}

/** The XML engine (libxml2 as WebAssembly) is loaded only for the self-test, not for every command. */
export async function selftestCommand(name: string, flags: { profile?: string; keep?: string; json?: boolean }, io: CliIo): Promise<number> {
  const [{ selftestSuite }, { selftestSummary }] = await Promise.all([import('../../run/selftest.js'), import('../../xml/xmute/summary.js')]);
  const report = await selftestSuite(name, {
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(flags.keep ? { keep: flags.keep } : {}),
    signal: io.signal,
  });
  io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : selftestSummary(report));
  return report.ok ? 0 : 1;
}
