/**
 * Options of a run, as the library takes them, and their resolution into one settled object:
 * defaults, then what the caller gave. The CLI maps its flags onto RunOptions.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Target } from '../model/types.js';
import { DEFAULT_LIMITS, type AuthConfig, type HttpLimits, type TlsConfig } from '../http/types.js';
import type { CheckResult } from '../model/report.js';

export interface RunOptions {
  /** Suite id (from konform's `suites/`) or path of a suite folder or suite.yaml. */
  suite: string;
  target: Partial<Target>;
  profile?: string;
  /** Folder for report.json, junit.xml, summary.md and the journal; none are written without it. */
  out?: string;
  limits?: Partial<HttpLimits>;
  auth?: AuthConfig[];
  tls?: TlsConfig;
  /** Aborting ends the run early: the report then says `complete: false`. */
  signal?: AbortSignal;
  /** Called as each result is settled, in completion order. */
  onResult?: (result: CheckResult, progress: { done: number; total: number }) => void;
}

export interface ResolvedRunOptions extends Omit<RunOptions, 'target' | 'limits'> {
  target: Target;
  limits: HttpLimits;
}

function hostOf(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new KonformError(ERROR_CODES.TARGET_INVALID, `${what} is not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new KonformError(ERROR_CODES.TARGET_INVALID, `${what} must use http or https: ${url}`);
  }
  return parsed.host.toLowerCase();
}

export function resolveRunOptions(options: RunOptions): ResolvedRunOptions {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value < 0 || (name === 'concurrency' && value < 1)) {
      throw new KonformError(ERROR_CODES.USAGE, `limit ${name} must be a non-negative number, got ${value}`);
    }
  }
  const allowedHosts = [...(options.target.allowedHosts ?? [])].map((host) => host.toLowerCase());
  if (options.target.url) allowedHosts.unshift(hostOf(options.target.url, 'the target'));
  for (const auth of options.auth ?? []) {
    if (auth.scheme === 'oauth2') allowedHosts.push(hostOf(auth.tokenUrl, 'the OAuth2 token URL'));
  }
  const target: Target = {
    ...options.target,
    allowedHosts: [...new Set(allowedHosts)],
    allowUnsafe: options.target.allowUnsafe ?? false,
  };
  return { ...options, target, limits };
}
