/**
 * Stops sending to a host that no longer answers. After CONSECUTIVE_FAILURES requests to it in
 * a row ended without any HTTP response (a timeout, a refused or reset connection), the host's
 * circuit opens: every later request to it fails at once, unsent, and the client is told once.
 * An answer of any status, 5xx included, starts the count again.
 */
import type { HttpFailureReason } from '../model/exchange.js';

export const CONSECUTIVE_FAILURES = 10;

const NO_ANSWER: ReadonlySet<HttpFailureReason> = new Set(['timeout', 'unreachable', 'connectionReset']);

export interface CircuitBreaker {
  /** Why a request to `host` is not sent; undefined while its circuit is closed. */
  refusal(host: string): string | undefined;
  answered(host: string): void;
  failed(host: string, reason: HttpFailureReason): void;
}

export function createCircuitBreaker(onOpen: (host: string, message: string) => void): CircuitBreaker {
  const failures = new Map<string, number>();
  const open = new Map<string, string>();
  return {
    refusal: (host) => open.get(host),
    answered(host) {
      failures.delete(host);
    },
    failed(host, reason) {
      if (!NO_ANSWER.has(reason) || open.has(host)) return;
      const count = (failures.get(host) ?? 0) + 1;
      failures.set(host, count);
      if (count < CONSECUTIVE_FAILURES) return;
      const message = `${host} stopped answering: ${count} requests in a row got no response (timeout, refused or reset connection), so konform sent no more to it`;
      open.set(host, `not sent: ${message}`);
      onOpen(host, message);
    },
  };
}
