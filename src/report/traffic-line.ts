/**
 * The line of the reports for people on the requests to one host (report.json `traffic`): how
 * many, over what time, at what rate against the configured one, and how often the host asked
 * konform to slow down. The host comes rendered by the format.
 */
import type { HostTraffic } from '../model/report.js';
import type { Messages } from './i18n/index.js';

export function trafficLine(traffic: HostTraffic, t: Messages, host: string): string {
  const line = t.facts.trafficHost(host, traffic.requests, traffic.durationMs / 1000, traffic.effectiveRate, traffic.configuredRate);
  if (traffic.throttled === 0) return line;
  return `${line}; ${t.facts.throttledHost(traffic.throttled, traffic.backoffs, traffic.waitedMs / 1000, traffic.lowestRate)}`;
}
