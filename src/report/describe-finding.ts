/**
 * Plain-text pieces of a finding that every human-readable format shows the same way:
 * where it points and the HTTP exchange it was observed in. Formats escape the pieces.
 */
import type { Finding, FindingLocation } from '../model/types.js';
import type { Exchange } from '../model/exchange.js';
import type { Report } from '../model/report.js';

export interface LocationPart {
  label: 'operation' | 'spec' | 'body' | 'file' | 'xpath';
  value: string;
}

/** The known parts of a location, e.g. operation "GET /pets", spec "/paths/~1pets/get". */
export function locationParts(location: FindingLocation | undefined): LocationPart[] {
  if (!location) return [];
  const parts: LocationPart[] = [];
  if (location.operation !== undefined) parts.push({ label: 'operation', value: location.operation });
  if (location.specPointer !== undefined) parts.push({ label: 'spec', value: location.specPointer || '/' });
  if (location.bodyPointer !== undefined) parts.push({ label: 'body', value: location.bodyPointer || '/' });
  if (location.file !== undefined) {
    const position = [location.file, location.line, location.column].filter((part) => part !== undefined);
    parts.push({ label: 'file', value: position.join(':') });
  }
  if (location.xpath !== undefined) parts.push({ label: 'xpath', value: location.xpath });
  return parts;
}

/** "GET http://host/pets → 404", "GET http://host/pets → timeout: no response within 10000 ms". */
export function describeExchange(exchange: Exchange): string {
  const request = `${exchange.request.method} ${exchange.request.url}`;
  if (exchange.response) {
    const { status, url } = exchange.response;
    const redirected = exchange.redirects?.length ? ` (redirected to ${url})` : '';
    return `${request} → ${status}${redirected}`;
  }
  if (exchange.error) return `${request} → ${exchange.error.reason}: ${exchange.error.message}`;
  return `${request} → no response`;
}

/** "error status-undocumented (rule R-1)": what a finding is, before its message. */
export function findingHeading(finding: Finding): string {
  const severity = finding.severity ? `${finding.severity} ` : '';
  const rule = finding.rule !== undefined ? ` (rule ${finding.rule})` : '';
  return `${severity}${finding.code}${rule}`;
}

export type ExchangeOf = (id: string | undefined) => Exchange | undefined;

/**
 * A finding as plain text, in parts: heading and message, where it points, and the exchange it
 * was observed in ("error status-undocumented: …", "at operation GET /pets", "exchange x2: GET … → 404").
 */
export function findingParts(finding: Finding, exchangeOf: ExchangeOf): string[] {
  const parts = [`${findingHeading(finding)}: ${finding.message}`];
  const location = locationParts(finding.location);
  if (location.length > 0) parts.push(`at ${location.map((part) => `${part.label} ${part.value}`).join(', ')}`);
  const exchange = exchangeOf(finding.exchange);
  if (exchange) parts.push(`exchange ${exchange.id}: ${describeExchange(exchange)}`);
  else if (finding.exchange !== undefined) parts.push(`exchange ${finding.exchange}`);
  return parts;
}

/** A finding in one line of plain text: its parts joined by dashes. */
export function findingLine(finding: Finding, exchangeOf: ExchangeOf): string {
  return findingParts(finding, exchangeOf).join(' — ');
}

/** Looks up exchanges by ID. */
export function exchangeLookup(report: Report): ExchangeOf {
  const byId = new Map(report.exchanges.map((exchange) => [exchange.id, exchange]));
  return (id) => (id === undefined ? undefined : byId.get(id));
}
