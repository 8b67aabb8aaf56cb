/**
 * Options of a run, as the library takes them, and their resolution into one settled object:
 * defaults, then what the caller gave. The CLI maps its flags onto RunOptions.
 */
import { didYouMean } from '../core/close-matches.js';
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Target } from '../model/types.js';
import { createAllowlist } from '../http/allowlist.js';
import { createRedactor } from '../http/redaction.js';
import { DEFAULT_LIMITS, type AuthConfig, type HttpLimits, type TlsConfig } from '../http/types.js';
import type { HopTransport } from '../http/hop.js';
import type { CrawlBudget } from '../crawl/types.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { CheckResult, ShardOfRun, Signer } from '../model/report.js';
import { languageFrom, type Language } from '../report/i18n/index.js';

export interface RunOptions {
  /** Suite id (from konform's `suites/`) or path of a suite folder or suite.yaml. */
  suite: string;
  target: Partial<Target>;
  profile?: string;
  /** Folder for the reports (report/formats.ts) and the journal; none are written without it. */
  out?: string;
  /** Replace the output files of an earlier run in `out` (report/output-folder.ts); without it such a folder is refused. */
  force?: boolean;
  limits?: Partial<HttpLimits>;
  auth?: AuthConfig[];
  tls?: TlsConfig;
  /** Aborting ends the run early: the report then says `complete: false`. */
  signal?: AbortSignal;
  /** Called as each result is settled, in completion order. */
  onResult?: (result: CheckResult, progress: { done: number; total: number }) => void;
  /** The key that will sign the output folder once the reports are written (src/attest): named in the report. */
  signer?: Signer;
  /** Language of the reports for people (report.html, summary.md); German when omitted. report.json is the same in every language. */
  lang?: Language;
  /** Keep every exchange whole, bodies up to the size limit, as `exchanges.har` in `out` (src/replay). */
  record?: boolean;
  /** Answers the requests instead of the network: a recording, for a replay (src/replay). */
  transport?: HopTransport;
  /** Crawl budgets that override every suite's (--max-requests, --max-time, --max-pages, --sample). */
  crawlBudget?: Partial<CrawlBudget>;
  /** Spaces the requests to each host, shared with other runs against the same hosts (src/batch); the run's own, at `limits.ratePerHost`, when omitted. */
  rateLimiter?: RateLimiter;
  /** The shard of the files `target.files` holds (src/core/shard.ts), named in the report; a shard may hold no file. */
  shard?: ShardOfRun;
}

export interface ResolvedRunOptions extends Omit<RunOptions, 'target' | 'limits'> {
  target: Target;
  limits: HttpLimits;
}

/** The keys a caller may give, so that a misspelt one is named rather than ignored. */
const RUN_OPTION_KEYS = Object.keys({
  suite: true, target: true, profile: true, out: true, force: true, limits: true, auth: true, tls: true, signal: true, onResult: true, signer: true, lang: true,
  record: true, transport: true, crawlBudget: true, shard: true, rateLimiter: true,
} satisfies Record<keyof RunOptions, true>);
const TARGET_KEYS = Object.keys({
  url: true, spec: true, files: true, allowedHosts: true, refHosts: true, allowUnsafe: true, parameters: true,
} satisfies Record<keyof Target, true>);

function rejectUnknownKeys(given: object, known: readonly string[], what: string): void {
  for (const key of Object.keys(given)) {
    if (known.includes(key)) continue;
    throw new KonformError(ERROR_CODES.USAGE, `unknown ${what} "${key}"${didYouMean(key, known)} — known: ${known.join(', ')}`);
  }
}

/** A URL as an error message may show it: userinfo replaced. */
const shown = (url: string): string => createRedactor().redactUrl(url);

/**
 * The host of a URL konform is to contact. Credentials in the URL (RFC 3986 §3.2.1 deprecates
 * them) are refused: konform sends credentials only as configured, and would write them in the
 * report with the URL.
 */
function hostOf(url: string, what: string, credentialsFlags: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KonformError(ERROR_CODES.TARGET_INVALID, `${what} is not an absolute URL: ${shown(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new KonformError(ERROR_CODES.TARGET_INVALID, `${what} must use http or https: ${shown(url)}`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new KonformError(ERROR_CODES.TARGET_INVALID, `${what} carries credentials (${shown(url)}), which konform does not take from a URL: give them with ${credentialsFlags}`);
  }
  return parsed.host.toLowerCase();
}

export function resolveRunOptions(options: RunOptions): ResolvedRunOptions {
  rejectUnknownKeys(options, RUN_OPTION_KEYS, 'run option');
  rejectUnknownKeys(options.target, TARGET_KEYS, 'target option');
  rejectUnknownKeys(options.limits ?? {}, Object.keys(DEFAULT_LIMITS), 'limit');
  if (options.lang !== undefined) languageFrom(options.lang, 'the run option lang');
  if (options.record && !options.out) throw new KonformError(ERROR_CODES.USAGE, 'a recording (record) is written into the output folder: give out');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value < 0 || (name === 'concurrency' && value < 1)) {
      throw new KonformError(ERROR_CODES.USAGE, `limit ${name} must be a non-negative number, got ${value}`);
    }
  }
  const allowedHosts = [...(options.target.allowedHosts ?? [])].map((host) => host.toLowerCase());
  if (options.target.url) {
    allowedHosts.unshift(hostOf(options.target.url, 'the target', '--auth-basic-user and --auth-basic-password-env or -file'));
  }
  // Hosts references are fetched from may be contacted; each is a host or host:port (allowlist.ts).
  const refHosts = (options.target.refHosts ?? []).map((host) => host.toLowerCase());
  createAllowlist(refHosts);
  allowedHosts.push(...refHosts);
  for (const auth of options.auth ?? []) {
    if (auth.scheme === 'oauth2') {
      allowedHosts.push(hostOf(auth.tokenUrl, 'the OAuth2 token URL', '--auth-oauth2-client-id and --auth-oauth2-secret-env or -file'));
    }
  }
  const target: Target = {
    ...options.target,
    allowedHosts: [...new Set(allowedHosts)],
    ...(refHosts.length > 0 ? { refHosts } : {}),
    allowUnsafe: options.target.allowUnsafe ?? false,
  };
  return { ...options, target, limits };
}
