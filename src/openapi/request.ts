/**
 * The request for an operation: the target URL (which may carry a base path) joined with the
 * operation's path, parameters serialised per their style, an `Accept` header listing the
 * media types documented for success, and a JSON body where one is required.
 */
import type { HttpRequest } from '../http/types.js';
import { valueAt } from './json-pointer.js';
import { isJsonMediaType, parseMediaType } from './media-type.js';
import { parameterValue } from './parameter-values.js';
import { isJsonObject } from './refs.js';
import { sampleFromSchema } from './schema-sample.js';
import { serialiseCookie, serialiseHeader, serialisePath, serialiseQuery } from './serialise.js';
import type { JsonObject, Operation, ParameterSpec } from './types.js';

/** A value that replaces the one konform would send for a parameter (for negative checks). */
export interface ParameterOverride {
  parameter: ParameterSpec;
  value: unknown;
}

export function buildRequest(baseUrl: string, document: JsonObject, operation: Operation, override?: ParameterOverride): HttpRequest {
  let path = operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const parameter of operation.parameters) {
    const chosen = parameter === override?.parameter ? { value: override.value } : parameterValue(document, parameter);
    if (chosen === undefined) continue;
    if (parameter.in === 'path') path = path.replaceAll(`{${parameter.name}}`, serialisePath(parameter, chosen.value));
    else if (parameter.in === 'query') query.push(...serialiseQuery(parameter, chosen.value));
    else if (parameter.in === 'header') headers[parameter.name.toLowerCase()] = serialiseHeader(parameter, chosen.value);
    else if (parameter.in === 'cookie') cookies.push(serialiseCookie(parameter, chosen.value));
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ');
  const accept = acceptedMediaTypes(operation);
  if (accept && !headers.accept) headers.accept = accept;
  const request: HttpRequest = { method: operation.method, url: joinUrl(baseUrl, path, query), headers };
  const body = jsonBody(document, operation);
  if (body) {
    headers['content-type'] = body.mediaType;
    request.body = body.text;
  }
  return request;
}

/** The target URL's path (a base path, say) followed by the operation path and query. */
export function joinUrl(baseUrl: string, path: string, query: readonly string[] = []): string {
  const url = new URL(baseUrl);
  url.pathname = url.pathname.replace(/\/+$/, '') + path;
  const search = [url.search.replace(/^\?/, ''), ...query].filter(Boolean).join('&');
  url.search = search;
  return url.href;
}

/** Media types documented for 2XX answers (RFC 9110 §12.5.1); none when the document names none. */
function acceptedMediaTypes(operation: Operation): string | undefined {
  const success = operation.responses.filter((response) => /^2(\d\d|XX)$/i.test(response.status));
  const types = new Set(success.flatMap((response) => response.content.map((media) => media.mediaType)));
  return types.size > 0 ? [...types].join(', ') : undefined;
}

/** A required body in the first JSON media type, from its example or its schema. */
function jsonBody(document: JsonObject, operation: Operation): { mediaType: string; text: string } | undefined {
  if (!operation.requestBody?.required) return undefined;
  const media = operation.requestBody.content.find((candidate) => {
    const parsed = parseMediaType(candidate.mediaType);
    return parsed !== undefined && isJsonMediaType(parsed);
  });
  if (!media) return undefined;
  const holder = valueAt(document, media.pointer);
  const value =
    isJsonObject(holder) && Object.hasOwn(holder, 'example')
      ? holder.example
      : sampleFromSchema(document, media.schemaPointer === undefined ? {} : valueAt(document, media.schemaPointer));
  return { mediaType: media.mediaType, text: JSON.stringify(value) };
}
