/**
 * Findings about what a crawl saw: each names the URL of the response, the JSON pointer into
 * its body and the exchange it rests on, and carries the rule (requirement ID) it decides —
 * none for information no rule stands behind.
 */
import type { Finding } from '../model/types.js';
import type { FindingCode } from '../model/finding-codes.js';
import type { Fetched } from '../crawl/types.js';
import { transportFailureFinding, type UnansweredRequest } from '../http/failure-finding.js';
import type { HttpFailure } from '../http/types.js';
import type { Occurrence } from './occurrences.js';
import type { Rule } from './rules.js';

export interface FindingDetails {
  /** JSON pointer into the body; defaults to the object's own. */
  pointer?: string;
  params?: Record<string, unknown>;
  severity?: Finding['severity'];
  undecided?: true;
}

/** A finding about a response (`url` is where it was fetched). */
export function responseFinding(fetched: Pick<Fetched, 'url' | 'exchange'>, rule: Rule | undefined, code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const pointer = details.pointer;
  return {
    code,
    message: `${fetched.url}${pointer ? ` at ${pointer}` : ''}: ${message}`,
    params: { url: fetched.url, ...details.params },
    ...(rule ? { rule } : {}),
    ...(details.severity ? { severity: details.severity } : {}),
    ...(details.undecided ? { undecided: true as const } : {}),
    ...(pointer !== undefined ? { location: { bodyPointer: pointer } } : {}),
    exchange: fetched.exchange,
  };
}

/** A finding about an object where the crawl saw it (its own URL, a list page, its parent). */
export function objectFinding(occurrence: Occurrence, rule: Rule | undefined, code: FindingCode, message: string, details: FindingDetails = {}): Finding {
  const id = typeof occurrence.object.id === 'string' ? { id: occurrence.object.id } : {};
  return responseFinding(occurrence.response, rule, code, message, {
    ...details,
    pointer: details.pointer ?? occurrence.pointer,
    params: { ...id, ...(occurrence.type ? { type: occurrence.type } : {}), ...details.params },
  });
}

/**
 * A request `rule` needed got no answer: its transport failure (http/failure-finding.ts), which
 * leaves the rule undecided; `consequence` says what that leaves unknown, `pointer` where the
 * URL was found.
 */
export function unansweredFinding(
  failure: HttpFailure | UnansweredRequest,
  rule: string,
  details: Pick<FindingDetails, 'pointer' | 'params'> & { consequence?: string } = {},
): Finding {
  const finding = transportFailureFinding(failure, details.consequence);
  const location = details.pointer === undefined ? {} : { location: { bodyPointer: details.pointer } };
  return { ...finding, params: { ...details.params, ...finding.params }, rule, undecided: true, ...location };
}
