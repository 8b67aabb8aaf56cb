/**
 * Where a SARIF result points (SARIF 2.1.0 §3.28 location) and the HTTP exchange it rests on.
 * A physical location is always a file (code scanning accepts no other URI scheme): the
 * message file, or the declared OpenAPI document, with line and column where the finding has
 * them, and the XPath or JSON pointer as a logical location (§3.33). A run against an endpoint
 * that declares no document has no file: its findings point to the URL of the answer as a
 * logical location of kind "resource", with the body pointer. The exchange itself is the
 * result's webRequest and webResponse (§3.46, §3.47).
 */
import type { CheckResult, Report } from '../model/report.js';
import type { Finding } from '../model/types.js';
import type { ExchangeOf } from './describe-finding.js';

interface LogicalLocation {
  fullyQualifiedName: string;
  kind?: string;
}

export interface SarifLocation {
  physicalLocation?: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
  logicalLocations?: LogicalLocation[];
}

/** Characters an RFC 3986 path segment holds as they are (pchar without "%"); any other is percent-encoded. */
const SEGMENT_CHARACTER = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    encoded += SEGMENT_CHARACTER.test(character)
      ? character
      : [...Buffer.from(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return encoded;
}

/**
 * A path of the report as a URI reference: an absolute path as a file URI, a relative one
 * (relative to where konform ran) as a relative reference.
 */
export function pathUri(path: string): string {
  const windows = /^[A-Za-z]:\\/.test(path);
  const segments = (windows ? path.replaceAll('\\', '/') : path).split('/').map(percentEncode);
  if (windows) return `file:///${segments.join('/')}`;
  if (path.startsWith('/')) return `file://${segments.join('/')}`;
  // A first segment with a colon would read as a scheme (RFC 3986 §4.2).
  return segments[0]?.includes(':') ? `./${segments.join('/')}` : segments.join('/');
}

function physical(path: string, line?: number, column?: number): SarifLocation['physicalLocation'] {
  const region = line !== undefined && line >= 1 ? { startLine: line, ...(column !== undefined && column >= 1 ? { startColumn: column } : {}) } : undefined;
  return { artifactLocation: { uri: pathUri(path) }, ...(region ? { region } : {}) };
}

/** The logical locations given, in order; none where none is given. */
function logical(...names: Array<LogicalLocation | undefined>): Pick<SarifLocation, 'logicalLocations'> {
  const given = names.filter((name): name is LogicalLocation => name !== undefined);
  return given.length > 0 ? { logicalLocations: given } : {};
}

const named = (fullyQualifiedName: string | undefined, kind?: string): LogicalLocation | undefined =>
  fullyQualifiedName === undefined ? undefined : { fullyQualifiedName: fullyQualifiedName || '/', ...(kind ? { kind } : {}) };

export interface WebExchange {
  webRequest: { target: string; method: string };
  webResponse: { statusCode: number } | { noResponseReceived: true };
}

export interface SarifLocator {
  /** Where a finding (or a result without one) points; none where nothing is known. */
  locate(result: CheckResult, finding: Finding | undefined): SarifLocation[];
  /** The exchange a finding was observed in, as SARIF's web request and response. */
  exchange(finding: Finding | undefined): WebExchange | undefined;
}

export function sarifLocator(report: Report, exchangeOf: ExchangeOf): SarifLocator {
  const files = new Set(report.target.files ?? []);
  const spec = report.target.spec?.path;
  return {
    locate(result, finding) {
      const location = finding?.location;
      const file = location?.file ?? (result.subject && files.has(result.subject.id) ? result.subject.id : undefined);
      if (file !== undefined) {
        const place = location?.xpath !== undefined ? named(location.xpath, 'element') : named(location?.specPointer);
        return [{ physicalLocation: physical(file, location?.line, location?.column), ...logical(place) }];
      }
      // The declared document is the contract every answer of the endpoint is judged by.
      if (spec !== undefined) return [{ physicalLocation: physical(spec), ...logical(named(location?.specPointer ?? location?.operation)) }];
      const exchange = exchangeOf(finding?.exchange);
      const url = exchange ? (exchange.response?.url ?? exchange.request.url) : report.target.url;
      return url === undefined ? [] : [logical(named(url, 'resource'), named(location?.bodyPointer))];
    },
    exchange(finding) {
      const exchange = exchangeOf(finding?.exchange);
      if (!exchange) return undefined;
      const { method, url } = exchange.request;
      return {
        webRequest: { target: url, method },
        webResponse: exchange.response ? { statusCode: exchange.response.status } : { noResponseReceived: true },
      };
    },
  };
}
