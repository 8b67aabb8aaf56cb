/** `konform run <suite> --target <url> [--spec <file>] …`: a conformance run against a live endpoint. */
import type { Command } from 'commander';
import { DEFAULT_LIMITS, type HttpLimits } from '../../http/types.js';
import { addAuthOptions, resolveAuth, type AuthFlags } from '../auth-options.js';
import { addCrawlBudgetOptions, crawlBudgetFrom, type CrawlBudgetFlags } from '../crawl-budget-options.js';
import type { CliIo } from '../io.js';
import { wholeNumber } from '../numbers.js';
import { collectParam } from '../param-option.js';
import { concurrencyFrom, defineCommonRunOptions, runAndReport, type CommonRunFlags } from '../run-and-report.js';

export interface RunFlags extends AuthFlags, CommonRunFlags, CrawlBudgetFlags {
  target?: string;
  spec?: string;
  rate?: string;
  timeout?: string;
  maxResponseBytes?: string;
  maxRedirects?: string;
  allowHost?: string[];
  allowRefHost?: string[];
  allowUnsafe?: boolean;
  param?: Record<string, string>;
  record?: boolean;
}

export function defineRunOptions(command: Command): Command {
  return addCrawlBudgetOptions(addAuthOptions(
    defineCommonRunOptions(
      command
        .option('--target <url>', 'base URL of the endpoint under test')
        .option('--spec <file>', 'OpenAPI document the endpoint declares (YAML or JSON)')
        .option('--param <name=value>', 'value for every path or query parameter of that name (repeatable)', collectParam),
    )
      .option('--rate <n>', 'requests per second per host, 0 for no limit', String(DEFAULT_LIMITS.ratePerHost))
      .option('--timeout <ms>', 'hard deadline of one request in milliseconds', String(DEFAULT_LIMITS.timeoutMs))
      .option('--max-response-bytes <n>', 'largest response body read', String(DEFAULT_LIMITS.maxResponseBytes))
      .option('--max-redirects <n>', 'redirects followed per request', String(DEFAULT_LIMITS.maxRedirects))
      .option('--allow-host <host...>', 'further hosts (host or host:port) that may be contacted')
      .option('--allow-ref-host <host...>', 'hosts (host or host:port) the $refs of an API definition the target serves may be fetched from (OGC API)')
      .option('--allow-unsafe', 'also call operations other than GET and HEAD', false)
      .option('--record', 'keep every exchange whole, bodies up to --max-response-bytes, as exchanges.har in the output folder (see konform replay)', false),
  ));
}

function limitsFrom(flags: RunFlags): Partial<HttpLimits> {
  const limits: Partial<HttpLimits> = concurrencyFrom(flags);
  const set = (key: keyof HttpLimits, value: number | undefined) => {
    if (value !== undefined) limits[key] = value;
  };
  set('ratePerHost', wholeNumber(flags.rate, '--rate', 0, 100_000));
  set('timeoutMs', wholeNumber(flags.timeout, '--timeout', 1, 3_600_000));
  set('maxResponseBytes', wholeNumber(flags.maxResponseBytes, '--max-response-bytes', 1));
  set('maxRedirects', wholeNumber(flags.maxRedirects, '--max-redirects', 0, 50));
  return limits;
}

export function runCommand(suite: string, flags: RunFlags, io: CliIo): Promise<number> {
  const crawlBudget = crawlBudgetFrom(flags);
  return runAndReport(io, flags, {
    suite,
    target: {
      ...(flags.target ? { url: flags.target } : {}),
      ...(flags.spec ? { spec: flags.spec } : {}),
      allowedHosts: flags.allowHost ?? [],
      ...(flags.allowRefHost ? { refHosts: flags.allowRefHost } : {}),
      allowUnsafe: flags.allowUnsafe ?? false,
      ...(flags.param ? { parameters: flags.param } : {}),
    },
    limits: limitsFrom(flags),
    ...(flags.record ? { record: true } : {}),
    ...(crawlBudget ? { crawlBudget } : {}),
    ...resolveAuth(flags, io.env),
  });
}
