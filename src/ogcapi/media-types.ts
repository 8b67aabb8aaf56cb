/**
 * The media types of OGC API - Features Part 1 (OGC 17-069r4 §10) and how a response's
 * Content-Type is compared with one: by type and subtype, and by every parameter the wanted type
 * names (RFC 9110 §8.3.1), so `application/vnd.oai.openapi+json;version=3.0` needs its version.
 */
import { headerValue } from '../openapi/response-check.js';
import { isJsonMediaType, mediaTypeMatches, parseMediaType } from '../openapi/media-type.js';
import type { HttpResponse } from '../http/types.js';

export const GEOJSON = 'application/geo+json';
export const JSON_TYPE = 'application/json';
export const HTML = 'text/html';
export const OPENAPI_JSON = 'application/vnd.oai.openapi+json;version=3.0';

/** What features are asked for by the checks of the Core: GeoJSON first, plain JSON accepted. */
export const FEATURES_ACCEPT = `${GEOJSON}, ${JSON_TYPE};q=0.9`;

export function contentTypeOf(response: HttpResponse): string | undefined {
  return headerValue(response, 'content-type');
}

/** Whether the response's Content-Type is `wanted` (a media type, possibly with parameters). */
export function hasMediaType(response: HttpResponse, wanted: string): boolean {
  const expected = parseMediaType(wanted);
  const actual = parseMediaType(contentTypeOf(response) ?? '');
  return expected !== undefined && actual !== undefined && mediaTypeMatches(expected, actual);
}

export function isJsonResponse(response: HttpResponse): boolean {
  const actual = parseMediaType(contentTypeOf(response) ?? '');
  return actual !== undefined && isJsonMediaType(actual);
}
