/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4). The token is fetched on first use,
 * shared by concurrent requests, renewed shortly before `expires_in` runs out and once when
 * the resource server answers 401 (RFC 6750 §3.1 invalid_token). The token request goes
 * through the same client as every other request (allowlist, limits, recording); the token
 * becomes a secret of the redactor before its exchange is recorded.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';
import { oauthClientCredentials } from './credential-encoding.js';
import type { Redactor } from './redaction.js';
import type { AuthConfig, HttpRequest, HttpResponse } from './types.js';

type OAuth2Config = Extract<AuthConfig, { scheme: 'oauth2' }>;

/** Sends the token request; `inspect` sees the response body before the exchange is recorded. */
export type TokenRequester = (request: HttpRequest, inspect: (body: Buffer) => void) => Promise<HttpResponse>;

export interface TokenSource {
  token(): Promise<string>;
  /** Drops the cached token if it is `token`, so the next call fetches a new one. */
  forget(token: string): void;
}

/** Renew this long before expiry: a tenth of the lifetime, at most 30 s. */
const MAX_RENEWAL_MARGIN_MS = 30_000;

function parseTokenResponse(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function createOAuth2TokenSource(
  config: OAuth2Config,
  requestToken: TokenRequester,
  redactor: Redactor,
  now: () => number = Date.now,
): TokenSource {
  // RFC 6749 §2.3.1: client authentication with HTTP Basic.
  const clientAuth = oauthClientCredentials(config.clientId, config.clientSecret);
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    // RFC 6749 §3.3: scopes are space-delimited.
    if (config.scopes.length > 0) form.set('scope', config.scopes.join(' '));
    const requestedAt = now();
    const response = await requestToken(
      {
        method: 'POST',
        url: config.tokenUrl,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          authorization: `Basic ${clientAuth}`,
        },
        body: form.toString(),
        authenticate: false,
      },
      (body) => {
        const parsed = parseTokenResponse(body);
        for (const field of ['access_token', 'refresh_token', 'id_token']) {
          const value = parsed?.[field];
          if (typeof value === 'string') redactor.addSecret(value);
        }
      },
    );
    const parsed = parseTokenResponse(response.body);
    const token = parsed?.access_token;
    if (response.status !== 200 || typeof token !== 'string' || token === '') {
      // RFC 6749 §5.2 error response.
      const detail = typeof parsed?.error === 'string' ? ` (${parsed.error})` : '';
      throw new KonformError(
        ERROR_CODES.AUTH_INVALID,
        `token endpoint ${response.url} answered ${response.status} without an access token${detail} (exchange ${response.exchangeId})`,
      );
    }
    const type = parsed?.token_type;
    if (typeof type === 'string' && type.toLowerCase() !== 'bearer') {
      throw new KonformError(ERROR_CODES.AUTH_INVALID, `token endpoint issued a "${type}" token; konform supports Bearer tokens (RFC 6750)`);
    }
    // RFC 6749 §5.1: expires_in is the lifetime in seconds; without it the token lives until rejected.
    const expiresIn = parsed?.expires_in;
    const lifetimeMs = (typeof expiresIn === 'number' || typeof expiresIn === 'string' ? Number(expiresIn) : NaN) * 1000;
    const expiresAt = Number.isFinite(lifetimeMs) && lifetimeMs >= 0
      ? requestedAt + lifetimeMs - Math.min(MAX_RENEWAL_MARGIN_MS, lifetimeMs / 10)
      : Number.POSITIVE_INFINITY;
    cached = { token, expiresAt };
    return token;
  };

  return {
    token() {
      if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
      pending ??= fetchToken().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    forget(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
