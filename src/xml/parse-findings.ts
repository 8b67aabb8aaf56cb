/**
 * libxml2 diagnostics as konform findings: the message without libxml2's advice to relax its
 * limits, the file konform was given (not libxml2's URL), line and column where libxml2 knows
 * them (validation errors carry a line and an XPath but column 0, meaning unknown).
 */
import type { FindingCode } from '../model/finding-codes.js';
import type { ErrorDetail } from 'libxml2-wasm';
import { FINDINGS_PER_RESULT, limitFindings } from '../core/finding-limit.js';
import type { Finding, FindingLocation, Severity } from '../model/types.js';
import { MAX_DEPTH } from './limits.js';

/** libxml2 xmlErrorLevel: 1 warning, 2 error, 3 fatal. */
export function severityOf(detail: ErrorDetail): Severity {
  return detail.level >= 2 ? 'error' : 'warning';
}

export function locationOf(file: string, detail: Pick<ErrorDetail, 'line' | 'col' | 'xpath'>): FindingLocation {
  return {
    file,
    ...(detail.line > 0 ? { line: detail.line } : {}),
    ...(detail.col > 0 ? { column: detail.col } : {}),
    ...(detail.xpath ? { xpath: detail.xpath } : {}),
  };
}

export function cleanMessage(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

const FAILED_LOAD = /^failed to load "([^"]*)"/;

/** What a parse diagnostic means, in the words konform uses for it. */
function explain(message: string): { code: FindingCode; message: string; params?: Record<string, unknown> } {
  const uri = FAILED_LOAD.exec(message)?.[1];
  if (uri !== undefined) {
    return { code: 'external-resource-refused', message: `refused to load ${uri}: konform never loads external entities or DTDs of a message`, params: { uri } };
  }
  if (/^Attribute references external entity/.test(message)) {
    return { code: 'external-resource-refused', message: `${message}: konform never loads external entities of a message` };
  }
  if (/^Excessive depth in document/.test(message)) {
    return { code: 'too-deep', message: `elements nest deeper than ${MAX_DEPTH} levels, the limit for untrusted XML`, params: { limit: MAX_DEPTH } };
  }
  if (/amplification factor exceeded/.test(message)) {
    return { code: 'entity-expansion-refused', message: 'entity expansion grows the document beyond the amplification limit (billion laughs or quadratic blow-up)' };
  }
  if (/^Resource limit exceeded|too long/.test(message)) {
    return { code: 'size-limit-exceeded', message: message.replace(/,? try XML_PARSE_HUGE/, '') };
  }
  return { code: 'not-well-formed', message };
}

export function parseFinding(file: string, detail: ErrorDetail): Finding {
  const { code, message, params } = explain(cleanMessage(detail.message));
  return { code, message, severity: severityOf(detail), ...(params ? { params } : {}), location: locationOf(file, detail) };
}

/** Every finding of a file, up to the bound for memory. */
export function capFindings(findings: Finding[], file: string): Finding[] {
  return limitFindings(findings, FINDINGS_PER_RESULT, { file });
}
