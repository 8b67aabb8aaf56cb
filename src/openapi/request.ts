/**
 * The request for an operation: the target URL (which may carry a base path) joined with the
 * operation's path, parameters serialised per their style, an `Accept` header listing the
 * media types documented for success, and a JSON body where one is required. Values declared
 * in the document are sent where `check` finds them valid against their schema.
 */
import type { HttpRequest } from '../http/types.js';
import { valueAt } from '../core/json-pointer.js';
import { isJsonMediaType, parseMediaType } from './media-type.js';
import type { GivenValues } from './given-values.js';
import { parameterValue } from './parameter-values.js';
import { isJsonObject, objectAt } from './refs.js';
import { declaredSchemaValues, generatedValue } from './schema-sample.js';
import { serialiseCookie, serialiseHeader, serialisePath, serialiseQuery } from './serialise.js';
import type { DeclaredValue, JsonObject, Operation, ParameterSpec } from './types.js';
import { acceptEveryValue, firstValid, type RejectedValue, type ValueCheck } from './value-check.js';

/** A value that replaces the one konform would send for a parameter (for negative checks). */
export interface ParameterOverride {
  parameter: ParameterSpec;
  value: unknown;
}

export interface RequestOptions {
  override?: ParameterOverride;
  /** Checks the values the document declares; without it, every one is taken as valid. */
  check?: ValueCheck;
  /** Values the user gives for parameters by name. */
  given?: GivenValues;
}

export function buildRequest(baseUrl: string, document: JsonObject, operation: Operation, options: RequestOptions = {}): HttpRequest {
  const { override, check = acceptEveryValue, given } = options;
  let path = operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const parameter of operation.parameters) {
    const chosen = parameter === override?.parameter ? { value: override.value } : parameterValue(document, parameter, check, given).chosen;
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
  const body = jsonBody(document, operation, check);
  if (body) {
    headers['content-type'] = body.mediaType;
    request.body = JSON.stringify(body.value);
  }
  return request;
}

/** The values of the document a request for the operation would send but `check` finds invalid. */
export function rejectedValues(document: JsonObject, operation: Operation, check: ValueCheck): RejectedValue[] {
  return [
    ...operation.parameters.flatMap((parameter) => parameterValue(document, parameter, check).rejected),
    ...(jsonBody(document, operation, check)?.rejected ?? []),
  ];
}

/** The path parameters whose value in the request for the operation is made up from the schema. */
export function madeUpPathParameters(document: JsonObject, operation: Operation, options: RequestOptions = {}): ParameterSpec[] {
  const { check = acceptEveryValue, given } = options;
  return operation.parameters.filter((parameter) => parameter.in === 'path' && parameterValue(document, parameter, check, given).chosen?.madeUp);
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

/** A required body in the first JSON media type: its example or the schema's own value where valid, else one built from the schema. */
function jsonBody(
  document: JsonObject,
  operation: Operation,
  check: ValueCheck,
): { mediaType: string; value: unknown; rejected: RejectedValue[] } | undefined {
  if (!operation.requestBody?.required) return undefined;
  const media = operation.requestBody.content.find((candidate) => {
    const parsed = parseMediaType(candidate.mediaType);
    return parsed !== undefined && isJsonMediaType(parsed);
  });
  if (!media) return undefined;
  const holder = valueAt(document, media.pointer);
  const example: DeclaredValue[] = isJsonObject(holder) && Object.hasOwn(holder, 'example') ? [{ value: holder.example, pointer: `${media.pointer}/example` }] : [];
  const schema = media.schemaPointer === undefined ? undefined : objectAt(document, media.schemaPointer);
  const ownValues = schema ? declaredSchemaValues(schema.value, schema.pointer) : [];
  const { valid, rejected } = firstValid([...example, ...ownValues], media.schemaPointer, check);
  const value = valid ? valid.value : generatedValue(document, schema?.value ?? {});
  return { mediaType: media.mediaType, value, rejected };
}
