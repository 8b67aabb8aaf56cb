/**
 * The hosts of links konform was not allowed to follow: every request the HTTP client refused
 * because its host (or a redirect's) is neither the target's nor one given with `--allow-host`
 * (the exchange's error `hostNotAllowed`; the crawler asks for such links too, and the client
 * refuses them unsent). What lay behind them went unexamined, so a run with any is never
 * conformant (judge/verdict.ts). Each host is named with the flag that would allow it, unless no
 * flag would: a scheme other than http(s), or an address konform never contacts
 * (http/address-policy.ts).
 */
import { isIP } from 'node:net';
import { classifyAddress } from '../http/address-policy.js';
import type { Exchange } from '../model/exchange.js';
import type { Report } from '../model/report.js';

export type HostNotFollowed = NonNullable<Report['hostsNotFollowed']>[number];

const NEVER_CONTACTED = new Set(['metadata', 'linkLocal', 'unspecified']);

/** The host a refused URL names (with its scheme, unless http or https), and the flag that would allow it. */
function refusedHost(url: URL): Pick<HostNotFollowed, 'host' | 'flag'> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { host: `${url.protocol}//${url.host}` };
  const address = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(address) !== 0 && NEVER_CONTACTED.has(classifyAddress(address))) return { host: url.host };
  return { host: url.host, flag: `--allow-host ${url.host}` };
}

export function hostsNotFollowed(exchanges: readonly Exchange[]): HostNotFollowed[] {
  const refused = new Map<string, { flag?: string; urls: Set<string> }>();
  for (const exchange of exchanges) {
    if (exchange.error?.reason !== 'hostNotAllowed') continue;
    // A redirect's refused location is the last one recorded.
    const url = exchange.redirects?.at(-1)?.location ?? exchange.request.url;
    if (!URL.canParse(url)) continue;
    const { host, flag } = refusedHost(new URL(url));
    let entry = refused.get(host);
    if (!entry) refused.set(host, (entry = { ...(flag ? { flag } : {}), urls: new Set() }));
    entry.urls.add(url);
  }
  return [...refused]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([host, { flag, urls }]) => ({ host, links: urls.size, example: [...urls].sort()[0] as string, ...(flag ? { flag } : {}) }));
}
