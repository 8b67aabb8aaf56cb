/**
 * Exchange IDs from what was asked: the method, the URL as it is recorded (redacted), the names
 * of the headers sent, and how often the same was asked before in the run. A run asks the same
 * requests whatever its concurrency, so the same exchange gets the same ID in every run, and
 * one ID everywhere: in the journal as it completes, in finding messages and in the report.
 */
import { hash } from 'node:crypto';

export type ExchangeIds = (method: string, recordedUrl: string, headerNames: readonly string[]) => string;

export function createExchangeIds(): ExchangeIds {
  const asked = new Map<string, number>();
  return (method, recordedUrl, headerNames) => {
    const request = `${method} ${recordedUrl}\n${[...headerNames].map((name) => name.toLowerCase()).sort().join('\n')}`;
    // 48 bits: IDs stay short, and two requests that share a digest still get IDs of their own.
    const digest = hash('sha256', request, 'hex').slice(0, 12);
    const times = (asked.get(digest) ?? 0) + 1;
    asked.set(digest, times);
    return times === 1 ? `x${digest}` : `x${digest}-${times}`;
  };
}
