/**
 * Sends one request with its redirects under the client's limits and records it as one
 * Exchange, whatever the outcome. A place among the `concurrency` requests in flight is held
 * from the first hop to the last; each hop is checked and limited in follow.ts. A 429 or 503
 * lowers the host's rate, pauses the host and asks again (politeness.ts); a host that stopped
 * answering gets nothing more (circuit-breaker.ts). A recording client is also told each
 * exchange's hops, bodies whole (hop-record.ts); the hops go over the network, or are answered
 * from a recording (hop.ts HopTransport).
 */
import { setMaxListeners } from 'node:events';
import type { Allowlist } from './allowlist.js';
import type { Credentials } from './auth.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { ACCEPT_ENCODING } from './content-coding.js';
import { createSemaphore } from './concurrency.js';
import { buildExchange, startedAtNow, type ExchangeStart } from './exchange.js';
import { createExchangeIds } from './exchange-id.js';
import { failureReason } from './failure-reason.js';
import { abortable, followRedirects, toHop, type Progress } from './follow.js';
import { HopFailure, type HopResponse, type HopTransport, type SendHop } from './hop.js';
import { hopRecordOf, type HopRecord, type HopRecorder } from './hop-record.js';
import { createPoliteness } from './politeness.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';
import type { Redactor } from './redaction.js';
import { redirectLocation } from './redirect.js';
import type { Exchange } from '../model/exchange.js';
import type { HostTraffic } from '../model/report.js';
import { HttpFailure, type HttpLimits, type HttpRequest, type HttpResponse } from './types.js';

export interface TransportOptions {
  /** What sends each hop: the network, or a recording (hop.ts). */
  send: () => Promise<SendHop>;
  /** The circuit breaker's maker, where not circuit-breaker.ts (a replay's, hop.ts). */
  breaker?: HopTransport['breaker'];
  allowlist: Allowlist;
  limits: HttpLimits;
  redactor: Redactor;
  record: (exchange: Exchange) => void;
  signal?: AbortSignal;
  userAgent: string;
  /** Told once per host whose circuit opened (circuit-breaker.ts). */
  onHostStopped?: (host: string, message: string) => void;
  /** Told every exchange's hops, bodies whole up to the size limit (hop-record.ts). */
  recordHops?: HopRecorder;
  /** Spaces the requests to each host; shared with other transports where given, the transport's own otherwise. */
  rateLimiter?: RateLimiter;
}

export interface PerformOptions {
  credentials?: Credentials;
  /** Sees the final response body before the exchange is recorded. */
  inspect?: (body: Buffer) => void;
}

export interface Delivered {
  response: HttpResponse;
  /** Whether the final hop carried the credentials. */
  credentialed: boolean;
}

export interface Transport {
  perform(request: HttpRequest, options?: PerformOptions): Promise<Delivered>;
  /** Aborts the requests in flight and refuses new ones. */
  close(): void;
  /** The requests sent so far, per host (traffic.ts). */
  traffic(): HostTraffic[];
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function createTransport(options: TransportOptions): Transport {
  const { allowlist, limits, redactor } = options;
  const semaphore = createSemaphore(limits.concurrency);
  const politeness = createPoliteness(options.rateLimiter ?? createRateLimiter(limits.ratePerHost), limits.backoffMs);
  // The host a failure just stopped: its exchange's last hop says so, for a recording.
  let stopped: { host: string; message: string } | undefined;
  const breaker = (options.breaker ?? createCircuitBreaker)((host, message) => {
    stopped = { host, message };
    options.onHostStopped?.(host, message);
  });
  const exchangeId = createExchangeIds();
  let closed = false;
  let readySend: SendHop | undefined;
  // Aborted with the run or by close(); every waiting or running request listens to it.
  const stop = new AbortController();
  const signal = stop.signal;
  setMaxListeners(0, signal);
  if (options.signal?.aborted) stop.abort(options.signal.reason);
  options.signal?.addEventListener('abort', () => stop.abort(options.signal?.reason), { once: true });

  async function perform(request: HttpRequest, asked: PerformOptions = {}, retriesSoFar = 0): Promise<Delivered> {
    const { credentials, inspect } = asked;
    const headers: Record<string, string> = { 'user-agent': options.userAgent, 'accept-encoding': ACCEPT_ENCODING };
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const method = request.method.toUpperCase();
    const url = parseUrl(request.url);
    const progress: Progress | undefined = url && {
      state: { method, url, headers, body: request.body, credentials },
      attempted: url,
      redirects: [],
    };
    const first = progress && toHop(progress.state);
    const sent = first ? { method, url: first.url.href, headers: first.headers, body: first.body } : { method, url: request.url, headers, body: request.body };
    const start: ExchangeStart = {
      id: exchangeId(method, redactor.redactUrl(sent.url), Object.keys(sent.headers)),
      startedAt: startedAtNow(),
      startedMs: performance.now(),
      request: sent,
    };
    // A recording keeps every hop, and of a body cut at the size limit all that came.
    const hops: HopRecord[] | undefined = options.recordHops && [];
    const onHop = hops && ((...hop: Parameters<typeof hopRecordOf>) => void hops.push(hopRecordOf(...hop)));
    let release: (() => void) | undefined;
    let response: HopResponse;
    try {
      if (!progress || !first) throw new HopFailure('hostNotAllowed', `${request.url} is not an absolute URL`);
      if (signal.aborted) throw new HopFailure('aborted', 'the run was aborted');
      const refusal = breaker.refusal(first.url.host);
      if (refusal) {
        // Not sent; a recording keeps it, so that a replay refuses it where the run did.
        const refused = new HopFailure('unreachable', refusal);
        onHop?.(first, start.startedAt, start.startedMs, refused);
        throw refused;
      }
      release = semaphore.tryAcquire() ?? (await abortable(semaphore.acquire(signal)));
      const send = readySend ?? (readySend = await options.send());
      const keptWhenCut = hops ? limits.maxResponseBytes : limits.excerptBytes + redactor.longestSecretBytes;
      response = await followRedirects(progress, first, {
        send,
        allowlist,
        rateLimiter: politeness.limiter,
        limits,
        keptWhenCut,
        signal,
        onHop: (hop, startedAt, startedMs, outcome) => {
          politeness.observe(hop, startedMs, outcome);
          onHop?.(hop, startedAt, startedMs, outcome);
        },
      });
      inspect?.(response.body);
    } catch (error) {
      const failure = error instanceof HopFailure ? error : new HopFailure(failureReason(error), String(error), undefined, { cause: error });
      stopped = undefined;
      if (first) breaker.failed(first.url.host, failure.reason);
      const lastHop = hops?.at(-1);
      if (lastHop && stopped) lastHop.stopped = stopped;
      const message = failure.reason === 'aborted' && closed ? 'the HTTP client is closed' : failure.message;
      const exchange = buildExchange(start, { redirects: [], ...progress, failure: { reason: failure.reason, message } }, redactor, limits.excerptBytes);
      options.record(exchange);
      if (hops) options.recordHops?.(exchange.id, hops);
      const failedUrl = redactor.redactUrl(progress?.attempted.href ?? request.url);
      // Without the error behind it: checks keep a failure for the whole run, and an error's
      // stack trace keeps the objects of the frames it was thrown from (sockets, buffers).
      // Of a final response that broke off (not 1xx, RFC 9110 §15.2, nor a redirect konform
      // would follow), its head is kept for the checks that judge status and headers, not its body.
      const broken = failure.response;
      const final = broken && broken.status >= 200 && progress && !redirectLocation(broken.status, broken.headers, progress.attempted) ? broken : undefined;
      const brokenOff = final && {
        status: final.status,
        headers: final.headers,
        url: failedUrl,
        exchangeId: exchange.id,
        bodyBytes: final.bytes,
      };
      throw new HttpFailure(failure.reason, exchange.error?.message ?? message, failedUrl, exchange.id, brokenOff && { response: brokenOff });
    } finally {
      release?.();
    }
    breaker.answered(first.url.host);
    const exchange = buildExchange(start, progress, redactor, limits.excerptBytes);
    options.record(exchange);
    if (hops) options.recordHops?.(exchange.id, hops);
    if (politeness.retry(progress.attempted.host, response, retriesSoFar)) return perform(request, asked, retriesSoFar + 1);
    return {
      response: {
        status: response.status,
        headers: response.headers,
        body: response.body,
        url: redactor.redactUrl(progress.attempted.href),
        exchangeId: exchange.id,
        durationMs: exchange.durationMs,
      },
      credentialed: progress.state.credentials !== undefined,
    };
  }

  return {
    perform,
    close() {
      closed = true;
      stop.abort(new Error('the HTTP client is closed'));
    },
    traffic: politeness.traffic,
  };
}
