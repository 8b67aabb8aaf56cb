/**
 * Sends a request and follows its redirects, hop by hop. Every hop passes the allowlist (no
 * connection is made to a host outside it), waits for its per-host rate slot and runs under
 * its own deadline. Progress is kept in a record the caller owns, so a failure part-way still
 * leaves the redirects followed and the last response received for the evidence.
 */
import type { Allowlist } from './allowlist.js';
import { withQueryCredentials } from './auth.js';
import { startedAtNow } from './exchange.js';
import { HopFailure, type Hop, type HopResponse, type SendHop } from './hop.js';
import type { RateLimiter } from './rate-limit.js';
import { followRedirect, redirectLocation, type RequestState } from './redirect.js';
import type { HttpLimits } from './types.js';

export interface Progress {
  /** The request as it stands; after redirects, the last one sent. */
  state: RequestState;
  /** URL of the hop being attempted. */
  attempted: URL;
  redirects: Array<{ status: number; location: string }>;
  /** Hops sent again on a new connection, and why (hop.ts). */
  retried?: Array<{ url: string; message: string }>;
  /** The last response received, and the URL it came from. */
  received?: { url: URL; response: HopResponse };
}

export interface FollowContext {
  send: SendHop;
  allowlist: Allowlist;
  rateLimiter: RateLimiter;
  limits: HttpLimits;
  /** Bytes of a body cut at the size limit that are kept, for its excerpt. */
  keptWhenCut: number;
  signal: AbortSignal;
  /** Told each hop sent and what came of it (hop-record.ts), for a recording. */
  onHop?: (hop: Hop, startedAt: string, startedMs: number, outcome: HopResponse | HopFailure) => void;
}

/** The hop to send for a request state: its credentials added, if it still carries them. */
export function toHop(state: RequestState): Hop {
  const credentials = state.credentials;
  if (!credentials) return { method: state.method, url: state.url, headers: state.headers, body: state.body };
  return {
    method: state.method,
    url: withQueryCredentials(state.url, credentials.query),
    headers: { ...state.headers, ...credentials.headers },
    body: state.body,
  };
}

/** Waits that end only by abort (for a rate slot, a place in flight) become 'aborted' failures. */
export function abortable<T>(wait: Promise<T>): Promise<T> {
  return wait.catch((error: unknown) => {
    throw new HopFailure('aborted', 'the run was aborted', undefined, { cause: error });
  });
}

/** Resolves with the final response; throws HopFailure. `first` is toHop(progress.state). */
export async function followRedirects(progress: Progress, first: Hop, context: FollowContext): Promise<HopResponse> {
  const { allowlist, limits, signal } = context;
  const hopLimits = { timeoutMs: limits.timeoutMs, maxResponseBytes: limits.maxResponseBytes, keptWhenCut: context.keptWhenCut };
  let hop = first;
  for (let followed = 0; ; followed += 1) {
    progress.attempted = hop.url;
    if (!allowlist.allows(hop.url)) throw new HopFailure('hostNotAllowed', `${hop.url.protocol}//${hop.url.host} is not an allowed host (allow it with --allow-host)`);
    const slot = context.rateLimiter.wait(hop.url.host, signal);
    if (slot) await abortable(slot);
    let response: HopResponse;
    const startedAt = startedAtNow();
    const startedMs = performance.now();
    try {
      const url = hop.url.href;
      response = await context.send(hop, hopLimits, signal, (message) => (progress.retried ??= []).push({ url, message }));
    } catch (error) {
      if (error instanceof HopFailure && error.response) progress.received = { url: hop.url, response: error.response };
      if (error instanceof HopFailure) context.onHop?.(hop, startedAt, startedMs, error);
      throw error;
    }
    progress.received = { url: hop.url, response };
    context.onHop?.(hop, startedAt, startedMs, response);
    const location = redirectLocation(response.status, response.headers, hop.url);
    if (!location) return response;
    progress.redirects.push({ status: response.status, location: location.href });
    if (followed === limits.maxRedirects) throw new HopFailure('tooManyRedirects', `more than ${limits.maxRedirects} redirects`);
    progress.state = followRedirect(progress.state, response.status, location);
    hop = toHop(progress.state);
  }
}
