/**
 * What checks quote of the target's answers — in finding messages and params — can carry a
 * secret the server echoed (in a header value, a Content-Type, a key of the body). The run
 * redacts each result's findings as values as soon as the result settles, before it is
 * journalled, shown or reported: the message and every string inside params (a URL as a URL,
 * see Redactor.redactValue). Codes, rules, locations, keys and exchange IDs are never touched.
 */
import type { Redactor } from '../http/redaction.js';
import type { CheckResult } from '../model/report.js';
import type { Finding } from '../model/types.js';

function redactStrings(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.redactValue(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redactor));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactStrings(item, redactor)]));
  }
  return value;
}

function redactFinding(finding: Finding, redactor: Redactor): Finding {
  const redacted: Finding = { ...finding, message: redactor.redactValue(finding.message) };
  if (finding.params) redacted.params = redactStrings(finding.params, redactor) as Record<string, unknown>;
  return redacted;
}

/** Replaces the result's findings with their redacted copies (findings may be shared between results). */
export function redactFindings(result: CheckResult, redactor: Redactor): void {
  result.findings = result.findings.map((finding) => redactFinding(finding, redactor));
}
