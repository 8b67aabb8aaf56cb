/**
 * One HTTP request and its response, without redirects: sent through the guarded agent under
 * a hard deadline, body read up to the size limit, every failure given its reason.
 */
import { request } from 'undici';
import type { GuardedAgent } from './agent.js';
import { startDeadline } from './deadline.js';
import { failureReason } from './failure-reason.js';
import { BodyReadError, readLimitedBody } from './read-body.js';
import type { HttpFailureReason } from './types.js';

export interface Hop {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HopResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** True when the body was cut at the size limit. */
  cut: boolean;
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
}

/** RFC 9110 §6.4.1: responses to HEAD, 204 and 304 have no content whatever Content-Length says. */
function declaredLength(method: string, status: number, headers: Record<string, string | string[]>): number | undefined {
  const value = headers['content-length'];
  if (method === 'HEAD' || status === 204 || status === 304 || typeof value !== 'string') return undefined;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}

function failureMessage(expired: 'timeout' | 'aborted' | undefined, timeoutMs: number, cause: unknown): string {
  if (expired === 'timeout') return `no complete response within ${timeoutMs} ms`;
  if (expired === 'aborted') return 'the run was aborted';
  return cause instanceof Error ? cause.message : String(cause);
}

export async function sendHop(agent: GuardedAgent, hop: Hop, limits: HopLimits, run?: AbortSignal): Promise<HopResponse> {
  const deadline = startDeadline(limits.timeoutMs, run);
  let received: Omit<HopResponse, 'body' | 'cut'> | undefined;
  try {
    const response = await request(hop.url, {
      dispatcher: agent.dispatcher,
      method: hop.method,
      headers: hop.headers,
      body: hop.body,
      signal: deadline.signal,
    });
    const headers: Record<string, string | string[]> = {};
    for (const name in response.headers) {
      const value = response.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    received = { status: response.statusCode, headers };
    const length = declaredLength(hop.method, response.statusCode, headers);
    const body = await readLimitedBody(response.body, limits.maxResponseBytes, length);
    return { status: received.status, headers, body, cut: false };
  } catch (error) {
    const partial = received && {
      ...received,
      body: error instanceof BodyReadError ? error.received : Buffer.alloc(0),
      cut: error instanceof BodyReadError && error.cut,
    };
    const tlsCause = agent.tlsCause(error instanceof BodyReadError ? error.cause : error);
    const cause = tlsCause ?? error;
    const reason = deadline.expired ?? (tlsCause ? 'tls' : failureReason(error));
    throw new HopFailure(reason, failureMessage(deadline.expired, limits.timeoutMs, cause), partial, { cause });
  } finally {
    deadline.dispose();
  }
}
