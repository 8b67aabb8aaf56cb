/**
 * Whether a response body is valid against the schema of the Media Type Object its
 * Content-Type selects (OpenAPI 3 Media Type Object; the most specific match wins). Only JSON bodies
 * are validated; JSON must be UTF-8 (RFC 8259 §8.1) and parse (§2).
 */
import { FINDINGS_PER_RESULT, limitFindings } from '../core/finding-limit.js';
import type { Finding } from '../model/types.js';
import type { HttpResponse } from '../http/types.js';
import type { OpenApiDocument } from './document.js';
import { parseJson } from './json-syntax.js';
import { isJsonMediaType, parseMediaType, selectMediaType } from './media-type.js';
import { checked, headerValue, notApplicable, problem, type ResponseCheck } from './response-check.js';
import type { Operation, ResponseSpec } from './types.js';

export function checkBody(
  document: OpenApiDocument,
  operation: Operation,
  response: HttpResponse,
  documented: ResponseSpec,
  maxFindings = FINDINGS_PER_RESULT,
): ResponseCheck {
  if (operation.method === 'HEAD') return notApplicable('a HEAD response has no content (RFC 9110 §9.3.2)');
  const contentType = headerValue(response, 'content-type');
  const actual = contentType === undefined ? undefined : parseMediaType(contentType);
  if (!actual) return notApplicable('the response has no usable Content-Type to select a schema by');
  const media = selectMediaType(documented.content, actual);
  if (!media) return notApplicable(`no media type documented for ${documented.status} covers ${contentType}`);
  if (media.schemaPointer === undefined) return notApplicable(`no schema is documented for ${media.mediaType}`);
  if (!isJsonMediaType(actual)) return notApplicable(`${contentType} is not JSON; konform validates JSON bodies`);
  const report = (details: Parameters<typeof problem>[2]) => checked([problem(operation, response, details)]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(response.body);
  } catch {
    return report({ code: 'body-not-utf8', message: 'the JSON body is not valid UTF-8', specPointer: media.pointer });
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { message, offset, line, column } = parsed;
    return report({
      code: 'body-not-json',
      message: `the ${contentType} body is not valid JSON at line ${line}, column ${column}: ${message}`,
      params: { error: message, offset, line, column },
      specPointer: media.pointer,
    });
  }
  const validate = document.schemas.validator(media.schemaPointer);
  if (validate(parsed.value)) return checked([]);
  const errors = validate.errors ?? [];
  const findings: Finding[] = errors.map((error) =>
    problem(operation, response, {
      code: 'body-schema-mismatch',
      message: `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`,
      params: { keyword: error.keyword, schemaPath: error.schemaPath, details: error.params },
      specPointer: media.schemaPointer,
      bodyPointer: error.instancePath,
    }),
  );
  return checked(limitFindings(findings, maxFindings));
}
