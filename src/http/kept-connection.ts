/**
 * A request sent on a kept-alive connection can meet the server closing that connection: its
 * keep-alive timeout ended while the request was on the way. RFC 9112 §9.3.1 expects clients
 * to recover from such closes; a request with an idempotent method (RFC 9110 §9.2.2: the safe
 * methods, PUT and DELETE) may be sent again, once, on a new connection.
 */
import type { GuardedAgent } from './agent.js';
import { failureReason } from './failure-reason.js';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/**
 * Whether `error`, which ended a request before any response to it began, is the close of a
 * connection opened before the request was sent (numbered up to `openedBefore`, agent.ts),
 * and the request may go again.
 */
export function closedWhileKept(agent: GuardedAgent, method: string, error: unknown, openedBefore: number): boolean {
  if (!IDEMPOTENT_METHODS.has(method) || failureReason(error) !== 'connectionReset') return false;
  const connection = agent.connectionOf(error);
  return connection !== undefined && connection <= openedBefore;
}
