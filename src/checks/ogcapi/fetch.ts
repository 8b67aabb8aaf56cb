/**
 * Requests of the OGC API checks, each sent once per run: every check that needs the landing
 * page, a collection or a page of features shares one exchange. A transport failure is a value,
 * so every check sharing the request sees it. JSON bodies are parsed once.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { HttpFailure, type HttpResponse } from '../../http/types.js';
import { parseJson } from '../../openapi/json-syntax.js';
import { joinUrl } from '../../openapi/request.js';
import { isJsonResponse } from '../../ogcapi/media-types.js';
import type { CheckContext } from '../types.js';

/** The answer to a request, or its failure when none came. */
export type Fetched = {
  url: string;
  /** `METHOD path` relative to the API root, as findings name the operation. */
  operation: string;
} & (Answer | NoAnswer);

/** A request that got no answer. */
export type Unanswered = Fetched & NoAnswer;

interface Answer {
  response: HttpResponse;
  failure?: undefined;
  /** The body, when the response is JSON and parses. */
  json?: unknown;
  /** Why a JSON response did not parse. */
  jsonError?: string;
}

interface NoAnswer {
  response?: undefined;
  failure: HttpFailure;
  json?: undefined;
  jsonError?: undefined;
}

export function apiRoot(context: CheckContext): string {
  const url = context.target.url;
  if (!url) throw new KonformError(ERROR_CODES.TARGET_INVALID, 'the OGC API checks need the landing page URL as --target');
  return url;
}

/** A URL below the API root (OGC 17-069r4 §7: paths are relative to the landing page `/`). */
export function apiUrl(context: CheckContext, path: string, query: Record<string, string> = {}): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return joinUrl(apiRoot(context), path, pairs);
}

function operationOf(context: CheckContext, method: string, url: string): string {
  const root = new URL(apiRoot(context));
  const target = new URL(url);
  const base = root.pathname.replace(/\/+$/, '');
  const path = target.origin === root.origin && target.pathname.startsWith(base) ? target.pathname.slice(base.length) || '/' : target.href;
  return `${method} ${path}${target.origin === root.origin ? target.search : ''}`;
}

function readJson(response: HttpResponse): Pick<Fetched, 'json' | 'jsonError'> {
  if (!isJsonResponse(response)) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(response.body);
  } catch {
    return { jsonError: 'the JSON body is not valid UTF-8 (RFC 8259 §8.1)' };
  }
  const parsed = parseJson(text);
  return parsed.ok
    ? { json: parsed.value }
    : { jsonError: `not valid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}` };
}

/** The answer to one request, shared by every check of the run that asks the same. */
export function fetchOnce(
  context: CheckContext,
  url: string,
  accept: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<Fetched> {
  const key = `ogcapi:${method} ${url} ${accept} ${JSON.stringify(headers)}`;
  return context.memo(key, async () => {
    const operation = operationOf(context, method, url);
    try {
      const response = await context.http.send({ method, url, headers: { accept, ...headers } });
      return { url, operation, response, ...(method === 'GET' ? readJson(response) : {}) };
    } catch (error) {
      if (error instanceof HttpFailure) return { url, operation, failure: error };
      throw error;
    }
  });
}
