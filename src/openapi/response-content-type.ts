/**
 * Whether the Content-Type of a response is documented for its status: one of the media types
 * or ranges of the Response Object's `content` (OpenAPI 3 Response Object), `produces` in Swagger 2.0.
 * A response with content carries a Content-Type (RFC 9110 §8.3).
 */
import type { FindingCode } from '../model/finding-codes.js';
import type { ResponseHead } from '../http/types.js';
import { parseMediaType, selectMediaType } from './media-type.js';
import { checked, headerValue, notApplicable, problem, type ResponseCheck } from './response-check.js';
import type { Operation, ResponseSpec } from './types.js';

/** `hasBody`: whether the response has content. */
export function checkContentType(operation: Operation, response: ResponseHead, documented: ResponseSpec, hasBody: boolean): ResponseCheck {
  const contentType = headerValue(response, 'content-type');
  const report = (code: FindingCode, message: string, params: Record<string, unknown>) =>
    checked([problem(operation, response, { code, message, params, specPointer: documented.pointer })]);
  if (contentType === undefined) {
    if (!hasBody) return notApplicable('the response has neither content nor a Content-Type');
    return report('content-type-missing', `the ${response.status} response has content but no Content-Type header`, {
      status: response.status,
    });
  }
  const actual = parseMediaType(contentType);
  if (!actual) {
    return report('content-type-invalid', `the Content-Type "${contentType}" is not a media type`, { contentType });
  }
  const media = documented.content.map((candidate) => candidate.mediaType);
  if (media.length === 0) {
    if (!hasBody) return notApplicable(`the document describes no content for ${documented.status} and none was sent`);
    return report('content-undocumented', `the document describes no content for ${documented.status}, yet ${contentType} content was sent`, {
      status: response.status,
      contentType,
    });
  }
  if (selectMediaType(documented.content, actual)) return checked([]);
  return report('content-type-undocumented', `the Content-Type "${contentType}" is not documented for ${documented.status} (documented: ${media.join(', ')})`, {
    status: response.status,
    contentType,
    documented: media,
  });
}
