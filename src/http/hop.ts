/**
 * One HTTP request and its response, without redirects: sent through the guarded agent under
 * a hard deadline, body read up to the size limit, every failure given its reason. A request
 * whose kept-alive connection the server closed before answering is sent once more on a new
 * connection, where kept-connection.ts allows it, under the same deadline.
 */
import type { Dispatcher } from 'undici';
import type { GuardedAgent } from './agent.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { collectResponse, ResponseBrokenOff, type CollectedResponse } from './collect-response.js';
import { startDeadline } from './deadline.js';
import { failureReason } from './failure-reason.js';
import { closedWhileKept } from './kept-connection.js';
import type { HttpFailureReason } from '../model/exchange.js';

export interface Hop {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A hop's response; `answeredAt` (ms since the epoch) is when it came, where that is not now: a replayed answer's recorded time. */
export interface HopResponse extends CollectedResponse {
  answeredAt?: number;
}

/** Sends one hop and gives its response or throws HopFailure. */
export type SendHop = (hop: Hop, limits: HopLimits, run?: AbortSignal, onRetry?: (message: string) => void) => Promise<HopResponse>;

/**
 * What a client sends its hops with in place of the network (sendHop through the guarded
 * agent): a recording (src/replay), below redirects, rate limits, credentials and the recording
 * of exchanges.
 */
export interface HopTransport {
  send: SendHop;
  /**
   * Makes the client's circuit breaker in place of circuit-breaker.ts's: a replay's refuses
   * nothing and stops a host where the recording did, whatever order its answers come in.
   */
  breaker?: (onOpen: (host: string, message: string) => void) => CircuitBreaker;
}

/** A request that did not complete; `response` holds what arrived before the failure. */
export class HopFailure extends Error {
  constructor(
    readonly reason: HttpFailureReason,
    message: string,
    readonly response?: HopResponse,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HopFailure';
  }
}

export interface HopLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Bytes of a body cut at the size limit that are kept, for its excerpt. */
  keptWhenCut: number;
}

function failureMessage(expired: 'timeout' | 'aborted' | undefined, timeoutMs: number, cause: unknown): string {
  if (expired === 'timeout') return `no complete response within ${timeoutMs} ms`;
  if (expired === 'aborted') return 'the run was aborted';
  return cause instanceof Error ? cause.message : String(cause);
}

/** `onRetry` hears why a hop is sent again on a new connection. */
export async function sendHop(agent: GuardedAgent, hop: Hop, limits: HopLimits, run?: AbortSignal, onRetry?: (message: string) => void): Promise<HopResponse> {
  const deadline = startDeadline(limits.timeoutMs, run);
  const send = (dispatcher: Dispatcher): Promise<HopResponse> =>
    collectResponse({
      dispatcher,
      url: hop.url,
      method: hop.method,
      headers: hop.headers,
      ...(hop.body === undefined ? {} : { body: hop.body }),
      maxBytes: limits.maxResponseBytes,
      keptWhenCut: limits.keptWhenCut,
      deadline,
    });
  try {
    const openedBefore = agent.connectionsOpened;
    try {
      return await send(agent.dispatcher);
    } catch (error) {
      if (deadline.expired || error instanceof ResponseBrokenOff || !closedWhileKept(agent, hop.method, error, openedBefore)) throw error;
      onRetry?.(error instanceof Error ? error.message : String(error));
      const connection = agent.newConnection(hop.url.origin);
      try {
        return await send(connection);
      } finally {
        void connection.close();
      }
    }
  } catch (error) {
    const partial = error instanceof ResponseBrokenOff ? error.response : undefined;
    const failure = error instanceof ResponseBrokenOff ? error.cause : error;
    const tlsCause = agent.tlsCause(failure);
    const cause = tlsCause ?? failure;
    const reason = deadline.expired ?? (tlsCause ? 'tls' : failureReason(failure));
    throw new HopFailure(reason, failureMessage(deadline.expired, limits.timeoutMs, cause), partial, { cause });
  } finally {
    deadline.dispose();
  }
}
