/**
 * Turns the configured AuthConfig entries into the headers and query parameters a request
 * carries. The redactor already knows their secrets (Redactor.addCredentials).
 */
import { basicCredentials } from './credential-encoding.js';
import { createOAuth2TokenSource, type TokenRequester, type TokenSource } from './oauth2.js';
import { decodeQueryName, type Redactor } from './redaction.js';
import type { AuthConfig } from './types.js';

export interface Credentials {
  /** Header names in lower case. */
  headers: Record<string, string>;
  query: Array<[string, string]>;
}

export interface Authenticator {
  credentials(): Promise<Credentials>;
  /**
   * After a 401 answer to `used`: forgets the OAuth2 tokens it carried so that the next
   * `credentials()` fetches new ones. False when nothing can be renewed.
   */
  renew(used: Credentials): boolean;
}

type Part = (credentials: Credentials, tokensUsed: Array<[TokenSource, string]>) => Promise<void> | void;

function partOf(config: AuthConfig, redactor: Redactor, requestToken: TokenRequester): Part {
  switch (config.scheme) {
    case 'apiKey':
      return config.in === 'header'
        ? (credentials) => {
            credentials.headers[config.name.toLowerCase()] = config.value;
          }
        : (credentials) => {
            credentials.query.push([config.name, config.value]);
          };
    case 'bearer':
      // RFC 6750 §2.1
      return (credentials) => {
        credentials.headers.authorization = `Bearer ${config.token}`;
      };
    case 'basic': {
      const encoded = basicCredentials(config.username, config.password);
      return (credentials) => {
        credentials.headers.authorization = `Basic ${encoded}`;
      };
    }
    case 'oauth2': {
      const source = createOAuth2TokenSource(config, requestToken, redactor);
      return async (credentials, tokensUsed) => {
        const token = await source.token();
        tokensUsed.push([source, token]);
        credentials.headers.authorization = `Bearer ${token}`;
      };
    }
  }
}

export function createAuthenticator(configs: readonly AuthConfig[], redactor: Redactor, requestToken: TokenRequester): Authenticator {
  const parts = configs.map((config) => partOf(config, redactor, requestToken));
  const tokensBehind = new WeakMap<Credentials, Array<[TokenSource, string]>>();
  return {
    async credentials() {
      const credentials: Credentials = { headers: {}, query: [] };
      const tokensUsed: Array<[TokenSource, string]> = [];
      for (const part of parts) await part(credentials, tokensUsed);
      tokensBehind.set(credentials, tokensUsed);
      return credentials;
    },
    renew(used) {
      const tokens = tokensBehind.get(used) ?? [];
      for (const [source, token] of tokens) source.forget(token);
      return tokens.length > 0;
    },
  };
}

/** The URL with the credential query parameters, replacing any of the same name already there. */
export function withQueryCredentials(url: URL, query: ReadonlyArray<[string, string]>): URL {
  if (query.length === 0) return url;
  const names = new Set(query.map(([name]) => name));
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !names.has(decodeQueryName(pair.split('=')[0] ?? '')));
  const added = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  const result = new URL(url);
  result.search = [...kept, ...added].join('&');
  return result;
}
