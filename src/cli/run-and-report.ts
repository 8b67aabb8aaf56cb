/**
 * What `konform run` and `konform validate` share: limits from flags, the output folder, the
 * progress display, the run itself, the signature of the output folder and the closing lines;
 * the exit code is the report's.
 */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { RunOptions } from '../run/options.js';
import { run } from '../run/run.js';
import { signFolder } from '../attest/sign-folder.js';
import { DEFAULT_LIMITS, type HttpLimits } from '../http/types.js';
import { failuresByLevel } from '../judge/judgement.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { crawlNotices } from '../report/crawl-lines.js';
import { DEFAULT_LANGUAGE, LANGUAGES, languageFrom, messagesFor } from '../report/i18n/index.js';
import type { HostTraffic, Report } from '../model/report.js';
import type { CliIo } from './io.js';
import { wholeNumber } from './numbers.js';
import { createProgress } from './progress.js';
import { signingKeyFrom, type SignKeyFlags } from './sign-key-option.js';
import { styleFor } from './style.js';

export interface CommonRunFlags extends SignKeyFlags {
  profile?: string;
  out?: string;
  force?: boolean;
  concurrency?: string;
  lang?: string;
}

export function defineCommonRunOptions(command: Command): Command {
  return command
    .option('--profile <id>', "profile of the suite (default: the suite's default profile)")
    .option('--out <dir>', 'output folder (default: a new folder under reports/)')
    .option('--force', "replace the report files of an earlier run in --out (without it such a folder is refused)", false)
    .option('--concurrency <n>', 'checks and requests in flight at once', String(DEFAULT_LIMITS.concurrency))
    .option('--sign-key <file>', 'sign the output folder with this Ed25519 private key (PEM, see konform keygen): writes attestation.json')
    .option('--sign-key-env <var>', 'the same, with the PEM text of the key in this environment variable')
    .option('--lang <language>', `language of report.html and summary.md: ${LANGUAGES.join(' or ')}`, DEFAULT_LANGUAGE);
}

export function concurrencyFrom(flags: CommonRunFlags): Partial<HttpLimits> {
  const concurrency = wholeNumber(flags.concurrency, '--concurrency', 1, 256);
  return concurrency === undefined ? {} : { concurrency };
}

function defaultOutDir(io: CliIo, suite: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(io.cwd, 'reports', `${basename(suite).replace(/\.ya?ml$/, '')}-${stamp}`);
}

/** "1 failed (MUST), 2 warnings (SHOULD), 5 passed, …": failures by level (report/failure-level.ts), then the other outcomes. */
function countsText(report: Report): string {
  const failed = failuresByLevel(report.results);
  const levels = [`${failed.MUST} failed (MUST)`, `${failed.SHOULD} warning${failed.SHOULD === 1 ? '' : 's'} (SHOULD)`];
  if (failed.MAY > 0) levels.push(`${failed.MAY} note${failed.MAY === 1 ? '' : 's'} (MAY)`);
  const others = Object.entries(report.counts).filter(([outcome]) => outcome !== 'failed').map(([outcome, count]) => `${count} ${outcome}`);
  return [...levels, ...others].join(', ');
}

/** "requests: 120 to api.example.org at 19.7/s (limit 20/s), 3 answered 429 or 503": report.json `traffic`. */
function trafficText({ host, requests, effectiveRate, configuredRate, throttled }: HostTraffic): string {
  const rate = effectiveRate === undefined ? '' : ` at ${effectiveRate}/s`;
  const limit = configuredRate === 0 ? 'no rate limit' : `limit ${configuredRate}/s`;
  return `requests: ${requests} to ${host}${rate} (${limit})${throttled > 0 ? `, ${throttled} answered 429 or 503` : ''}`;
}

export function printOutcome(io: CliIo, report: Report, out: string, attestation: string | undefined): void {
  const style = styleFor(io.stdout, io.env);
  const counts = countsText(report);
  const files = [...Object.values(REPORT_FORMATS).map((format) => join(out, format.file)), ...(attestation ? [attestation] : [])];
  io.stdout.write(
    [
      `${report.suite.id} ${report.suite.version} (${report.standard.id} ${report.standard.version}), profile ${report.profile.id}`,
      `${style.bold(`verdict: ${report.verdict}`)}${report.complete ? '' : ' (run incomplete)'} — ${counts}`,
      ...crawlNotices(report, messagesFor('en'), { text: (value) => value, code: (value) => value }),
      ...(report.hostsNotFollowed ?? []).map(({ host, links, flag }) => `links not followed: ${links} to ${host}${flag ? ` (allow with ${flag})` : ''}`),
      ...(report.traffic?.hosts ?? []).map(trafficText),
      `reports: ${files.join(', ')}`,
      '',
    ].join('\n'),
  );
}

export async function runAndReport(
  io: CliIo,
  flags: CommonRunFlags,
  options: Omit<RunOptions, 'out' | 'force' | 'signal' | 'onResult' | 'profile'>,
): Promise<number> {
  const out = resolve(io.cwd, flags.out ?? defaultOutDir(io, options.suite));
  const signingKey = await signingKeyFrom(flags, io.env);
  const progress = createProgress(io.stderr, styleFor(io.stderr, io.env));
  const report = await run({
    ...options,
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(signingKey ? { signer: signingKey.signer } : {}),
    lang: languageFrom(flags.lang ?? DEFAULT_LANGUAGE, '--lang'),
    out,
    force: flags.force ?? false,
    signal: io.signal,
    onResult: (result, counts) => progress.onResult(result, counts),
  });
  progress.finish();
  const attestation = signingKey ? await signFolder(out, report, signingKey) : undefined;
  printOutcome(io, report, out, attestation);
  return report.exitCode;
}
