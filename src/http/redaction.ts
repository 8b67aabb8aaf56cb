/**
 * Removes credentials from everything konform records. A Redactor knows the secret values of
 * a run (configured credentials and tokens fetched during the run) and the header and query
 * parameter names that carry them. A run creates one and hands it to the HTTP client (which adds
 * the tokens it fetches and redacts every exchange it records); the run redacts what checks
 * quote of the answers (finding messages and params) with it. Secrets are redacted in values —
 * header values, URL components, bodies, messages — before anything is rendered, never in
 * rendered text: keys, names, IDs and counts are never touched.
 */
import { basicCredentials, formEncode, oauthClientCredentials } from './credential-encoding.js';
import type { AuthConfig, TlsConfig } from './types.js';

export const REDACTED = '[REDACTED]';

/** RFC 9110 §11.6.2, §11.7.2; RFC 6265 §4 */
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

export interface Redactor {
  addSecret(value: string): void;
  /** Adds the secrets of the credentials, in the forms they are sent in, and the names carrying them. */
  addCredentials(auth: readonly AuthConfig[], tls?: TlsConfig): void;
  /** A header whose value is always replaced (compared case-insensitively). */
  addHeaderName(name: string): void;
  /** A query parameter whose value is always replaced (compared case-insensitively). */
  addQueryParameter(name: string): void;
  /**
   * Replaces every secret in the text. With `keep`, returns only the first `keep` characters
   * of the original, with secrets that start before the cut replaced in full.
   */
  redactText(text: string, keep?: number): string;
  /**
   * The URL with its userinfo replaced, the values of credential query parameters replaced,
   * secrets replaced in the other query values and the fragment, and path segments that are a
   * secret replaced; scheme, host, port and query parameter names stay as they are.
   */
  redactUrl(url: string): string;
  /** A value that is an absolute http(s) URL (nothing else) as `redactUrl` redacts it, any other text as `redactText`. */
  redactValue(text: string): string;
  /** The headers with credential headers replaced and other values redacted (`redactValue`); the same object when there is nothing to replace. */
  redactHeaders<Value extends string | string[]>(headers: Record<string, Value>): Record<string, Value>;
  /** Length of the longest secret in any of its encodings, in UTF-8 bytes. */
  readonly longestSecretBytes: number;
}

/** The forms a secret takes in URLs, forms and JSON strings. */
function encodings(value: string): string[] {
  const uri = encodeURIComponent(value);
  return [value, uri, uri.replace(/%20/g, '+'), formEncode(value), JSON.stringify(value).slice(1, -1)];
}

/**
 * RFC 3986 §3: scheme and `//` with the userinfo apart from the host and port, then path, query
 * and fragment; a reference without a scheme is path, query and fragment.
 */
const URL_PARTS = /^(?:([a-z][a-z0-9+.-]*:)?\/\/(?:([^/?#]*)@)?([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/is;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(auth: readonly AuthConfig[] = [], tls?: TlsConfig): Redactor {
  const values = new Set<string>();
  const headerNames = new Set(CREDENTIAL_HEADERS);
  const queryNames = new Set<string>();
  let pattern: RegExp | undefined;
  let longest = 0;

  const redactText = (text: string, keep?: number): string => {
    if (!pattern) return keep === undefined ? text : text.slice(0, keep);
    const cut = keep ?? text.length;
    let out = '';
    let position = 0;
    for (const match of text.matchAll(pattern)) {
      if (match.index >= cut) break;
      out += text.slice(position, match.index) + REDACTED;
      position = match.index + match[0].length;
    }
    return out + text.slice(position, Math.max(position, cut));
  };

  const redactor: Redactor = {
    addSecret(value) {
      const added = encodings(value).filter((form) => form !== '' && !values.has(form));
      if (added.length === 0) return;
      for (const form of added) values.add(form);
      // Longest first, so a secret containing another is replaced whole.
      const sorted = [...values].sort((a, b) => b.length - a.length);
      pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
      longest = Math.max(longest, ...added.map((form) => Buffer.byteLength(form)));
    },
    addCredentials(configs, tlsConfig) {
      for (const config of configs) {
        if (config.scheme === 'apiKey') {
          redactor.addSecret(config.value);
          if (config.in === 'header') redactor.addHeaderName(config.name);
          else redactor.addQueryParameter(config.name);
        } else if (config.scheme === 'bearer') {
          redactor.addSecret(config.token);
        } else if (config.scheme === 'basic') {
          redactor.addSecret(config.password);
          redactor.addSecret(basicCredentials(config.username, config.password));
        } else {
          redactor.addSecret(config.clientSecret);
          redactor.addSecret(oauthClientCredentials(config.clientId, config.clientSecret));
        }
      }
      if (tlsConfig?.key) redactor.addSecret(tlsConfig.key);
    },
    addHeaderName(name) {
      headerNames.add(name.toLowerCase());
    },
    addQueryParameter(name) {
      queryNames.add(name.toLowerCase());
    },
    redactText,
    redactUrl(url) {
      // Without secrets to find or query parameters to hide, only userinfo would change.
      if (pattern === undefined && queryNames.size === 0 && !url.includes('@')) return url;
      // Every string matches: each part is optional.
      const [, scheme = '', userinfo, host, path = '', query, fragment] = URL_PARTS.exec(url)!;
      const authority = host === undefined ? '' : `${scheme}//${userinfo === undefined ? '' : `${REDACTED}@`}${host}`;
      const redactedPath = pattern ? path.replace(/[^/;]+/g, (segment) => (values.has(segment) ? REDACTED : segment)) : path;
      const redactedQuery = (query ?? '').replace(/([?&])([^=&]*)(=?)([^&]*)/g, (_pair, separator: string, name: string, equals: string, value: string) => {
        if (equals === '') return separator + redactText(name);
        return `${separator}${name}=${queryNames.has(decodeQueryName(name).toLowerCase()) ? REDACTED : redactText(value)}`;
      });
      return `${authority}${redactedPath}${redactedQuery}${redactText(fragment ?? '')}`;
    },
    redactValue(text) {
      return /^https?:\/\/\S*$/i.test(text) ? redactor.redactUrl(text) : redactText(text);
    },
    redactHeaders<Value extends string | string[]>(headers: Record<string, Value>) {
      // Without secrets to find and without a credential header, the headers stand as they are.
      let affected = pattern !== undefined;
      for (const name in headers) affected ||= headerNames.has(name.toLowerCase());
      if (!affected) return headers;
      const result: Record<string, string | string[]> = {};
      for (const name in headers) {
        const value = headers[name]!;
        if (headerNames.has(name.toLowerCase())) result[name] = Array.isArray(value) ? value.map(() => REDACTED) : REDACTED;
        else result[name] = Array.isArray(value) ? value.map((one) => redactor.redactValue(one)) : redactor.redactValue(value);
      }
      return result as Record<string, Value>;
    },
    get longestSecretBytes() {
      return longest;
    },
  };
  redactor.addCredentials(auth, tls);
  return redactor;
}

/** A query parameter name as application/x-www-form-urlencoded decodes it; undecodable names as they are. */
export function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
