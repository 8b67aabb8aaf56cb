/**
 * The hosts a run may contact. An entry is `host` (any port) or `host:port`; IPv6 addresses
 * are written in brackets as in URLs (RFC 3986 §3.2.2). Host names compare in the canonical
 * form the WHATWG URL parser gives them (lower case, punycode, normalised IPv4).
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';

interface AllowedHost {
  hostname: string;
  /** Undefined: any port. */
  port?: string;
}

export interface Allowlist {
  /** Whether the URL is http(s) and its host is allowed. */
  allows(url: URL): boolean;
  /** Host name of the first entry (the target), in URL form. */
  readonly targetHostname: string | undefined;
  /**
   * Whether the URL is on the target's host and port: the first entry, whose missing port
   * stands for the default port (a target URL's host names its port unless it is the default).
   */
  isTarget(url: URL): boolean;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

function parseHostname(host: string): string | undefined {
  try {
    const url = new URL(`http://${host}`);
    // Only a host: no port, userinfo, path, query or fragment slipped in.
    const onlyHost = !host.replace(/\[.*\]/, '').includes(':') && url.href === `http://${url.host}/`;
    return onlyHost ? stripTrailingDot(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}

function parseEntry(entry: string): AllowedHost {
  const trimmed = entry.trim();
  // A bare IPv6 address has several colons and no brackets.
  const bracketed = /^[^[\]]*:[^[\]]*:/.test(trimmed) ? `[${trimmed}]` : trimmed;
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(bracketed);
  const hostname = match?.[1] === undefined ? undefined : parseHostname(match[1]);
  if (!hostname || !match) {
    throw new KonformError(ERROR_CODES.CONFIG_INVALID, `allowed host "${entry}" is not a host or host:port`);
  }
  return match[2] === undefined ? { hostname } : { hostname, port: String(Number(match[2])) };
}

function stripTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/** Host name and port a URL connects to; undefined unless it is http(s). */
function endpointOf(url: URL): Required<AllowedHost> | undefined {
  const defaultPort = DEFAULT_PORTS[url.protocol];
  return defaultPort === undefined ? undefined : { hostname: stripTrailingDot(url.hostname), port: url.port || defaultPort };
}

export function createAllowlist(entries: readonly string[]): Allowlist {
  const hosts = entries.map(parseEntry);
  const target = hosts[0];
  return {
    targetHostname: target?.hostname,
    allows(url) {
      const endpoint = endpointOf(url);
      return hosts.some((host) => host.hostname === endpoint?.hostname && (host.port === undefined || host.port === endpoint.port));
    },
    isTarget(url) {
      const endpoint = endpointOf(url);
      const targetPort = target?.port ?? DEFAULT_PORTS[url.protocol];
      return endpoint !== undefined && target?.hostname === endpoint.hostname && targetPort === endpoint.port;
    },
  };
}
