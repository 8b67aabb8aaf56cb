/** `konform run <suite> --target <url> [--spec <file>] …`: a conformance run against a live endpoint. */
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { RunOptions } from '../../core/options.js';
import { run } from '../../core/run.js';
import type { HttpLimits } from '../../http/types.js';
import type { Report } from '../../report/model.js';
import { addAuthOptions, resolveAuth, type AuthFlags } from '../auth-options.js';
import type { CliIo } from '../io.js';
import { wholeNumber } from '../numbers.js';
import { createProgress } from '../progress.js';
import { styleFor } from '../style.js';
import { REPORT_FORMATS } from '../../report/formats.js';

export interface RunFlags extends AuthFlags {
  target?: string;
  spec?: string;
  profile?: string;
  out?: string;
  concurrency?: string;
  rate?: string;
  timeout?: string;
  maxResponseBytes?: string;
  maxRedirects?: string;
  allowHost?: string[];
  allowUnsafe?: boolean;
}

export function defineRunOptions(command: Command): Command {
  return addAuthOptions(
    command
      .option('--target <url>', 'base URL of the endpoint under test')
      .option('--spec <file>', 'OpenAPI document the endpoint declares (YAML or JSON)')
      .option('--profile <id>', "profile of the suite (default: the suite's default profile)")
      .option('--out <dir>', 'output folder (default: a new folder under reports/)')
      .option('--concurrency <n>', 'checks and requests in flight at once', '8')
      .option('--rate <n>', 'requests per second per host, 0 for no limit', '50')
      .option('--timeout <ms>', 'hard deadline of one request in milliseconds', '10000')
      .option('--max-response-bytes <n>', 'largest response body read', String(10 * 1024 * 1024))
      .option('--max-redirects <n>', 'redirects followed per request', '5')
      .option('--allow-host <host...>', 'further hosts (host or host:port) that may be contacted')
      .option('--allow-unsafe', 'also call operations other than GET and HEAD', false),
  );
}

export function limitsFrom(flags: RunFlags): Partial<HttpLimits> {
  const limits: Partial<HttpLimits> = {};
  const set = (key: keyof HttpLimits, value: number | undefined) => {
    if (value !== undefined) limits[key] = value;
  };
  set('concurrency', wholeNumber(flags.concurrency, '--concurrency', 1, 256));
  set('ratePerHost', wholeNumber(flags.rate, '--rate', 0, 100_000));
  set('timeoutMs', wholeNumber(flags.timeout, '--timeout', 1, 3_600_000));
  set('maxResponseBytes', wholeNumber(flags.maxResponseBytes, '--max-response-bytes', 1));
  set('maxRedirects', wholeNumber(flags.maxRedirects, '--max-redirects', 0, 50));
  return limits;
}

export function defaultOutDir(io: CliIo, suite: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(io.cwd, 'reports', `${basename(suite).replace(/\.ya?ml$/, '')}-${stamp}`);
}

export function printOutcome(io: CliIo, report: Report, out: string): void {
  const style = styleFor(io.stdout, io.env);
  const counts = Object.entries(report.counts).map(([outcome, count]) => `${count} ${outcome}`).join(', ');
  const files = Object.values(REPORT_FORMATS).map((format) => join(out, format.file));
  io.stdout.write(
    [
      `${report.suite.id} ${report.suite.version} (${report.standard.id} ${report.standard.version}), profile ${report.profile.id}`,
      `${style.bold(`verdict: ${report.verdict}`)}${report.complete ? '' : ' (run incomplete)'} — ${counts}`,
      `reports: ${files.join(', ')}`,
      '',
    ].join('\n'),
  );
}

export async function runCommand(suite: string, flags: RunFlags, io: CliIo): Promise<number> {
  const out = resolve(io.cwd, flags.out ?? defaultOutDir(io, suite));
  const progress = createProgress(io.stderr, styleFor(io.stderr, io.env));
  const options: RunOptions = {
    suite,
    target: {
      ...(flags.target ? { url: flags.target } : {}),
      ...(flags.spec ? { spec: resolve(io.cwd, flags.spec) } : {}),
      allowedHosts: flags.allowHost ?? [],
      allowUnsafe: flags.allowUnsafe ?? false,
    },
    ...(flags.profile ? { profile: flags.profile } : {}),
    out,
    limits: limitsFrom(flags),
    ...resolveAuth(flags, io.env),
    signal: io.signal,
    onResult: (result, counts) => progress.onResult(result, counts),
  };
  const report = await run(options);
  progress.finish();
  printOutcome(io, report, out);
  return report.exitCode;
}
