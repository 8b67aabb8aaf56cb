/**
 * The HTTP client every check uses. Transport-level failures throw HttpFailure with a reason;
 * any HTTP status, 5xx included, is a response. Every attempt is recorded as an Exchange.
 */
import type { Exchange, HttpFailureReason } from '../model/exchange.js';
import { BACKOFF_MS } from './retry-after.js';

export interface HttpRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Whether the configured credentials are attached (default true). */
  authenticate?: boolean;
}

/** The start of a response: its status and header fields (RFC 9110 §15, §6.3). */
export interface ResponseHead {
  status: number;
  /** Header names in lower case; repeated headers as arrays. */
  headers: Record<string, string | string[]>;
  /** URL of the final response after redirects. */
  url: string;
  /** ID of the recorded exchange. */
  exchangeId: string;
}

export interface HttpResponse extends ResponseHead {
  body: Buffer;
  durationMs: number;
}

/** What arrived of a response whose body broke off: its head, and how many bytes of the body (decoded) came. */
export interface BrokenOffResponse extends ResponseHead {
  bodyBytes: number;
}

export class HttpFailure extends Error {
  /** The response whose body broke off (over the size limit, past the deadline, the connection lost); undefined when none began. */
  readonly response: BrokenOffResponse | undefined;

  constructor(
    readonly reason: HttpFailureReason,
    message: string,
    readonly url: string,
    readonly exchangeId: string,
    options?: { cause?: unknown; response?: BrokenOffResponse },
  ) {
    super(message, options);
    this.name = 'HttpFailure';
    this.response = options?.response;
  }
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** Limits every request is held to. */
export interface HttpLimits {
  /** Hard deadline of one request, headers and body together. */
  timeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
  /** Requests in flight at once, over all hosts. */
  concurrency: number;
  /** Requests per second per host; 0 for no limit. */
  ratePerHost: number;
  /** Bytes of a body kept in the evidence. */
  excerptBytes: number;
  /** The first wait before asking again after a 429 or 503 without Retry-After, doubled for each retry (retry-after.ts); BACKOFF_MS where not given. */
  backoffMs?: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  timeoutMs: 10_000,
  maxResponseBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  concurrency: 8,
  ratePerHost: 50,
  excerptBytes: 4096,
  backoffMs: BACKOFF_MS,
};

/**
 * Credentials, resolved from environment variables or files. The values never appear in
 * any output: the client hands them to its redactor before the first request.
 */
export type AuthConfig =
  | { scheme: 'apiKey'; in: 'header' | 'query'; name: string; value: string }
  | { scheme: 'bearer'; token: string }
  | { scheme: 'basic'; username: string; password: string }
  | {
      scheme: 'oauth2';
      tokenUrl: string;
      clientId: string;
      clientSecret: string;
      scopes: string[];
    };

/** Client certificate for mutual TLS, and the CA to trust; PEM contents. */
export interface TlsConfig {
  cert?: string;
  key?: string;
  ca?: string;
}

export interface HttpClientOptions {
  /** Hosts (host or host:port) that may be contacted, redirects included. */
  allowedHosts: string[];
  limits: HttpLimits;
  auth?: AuthConfig[];
  tls?: TlsConfig;
  /** Receives every exchange as it completes. */
  record: (exchange: Exchange) => void;
  /** Aborts every request in flight and refuses new ones. */
  signal?: AbortSignal;
  userAgent: string;
  /** Told once per host that stopped answering; no more requests are sent to it (circuit-breaker.ts). */
  onHostStopped?: (host: string, message: string) => void;
}
