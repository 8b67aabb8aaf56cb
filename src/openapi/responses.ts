/**
 * Response Objects (OpenAPI 3 and Swagger 2.0) and request bodies in one
 * shape: the media types documented for a status, their schemas, and the documented headers.
 */
import { childPointer } from '../core/json-pointer.js';
import { isJsonObject, objectUnder, type Located } from './refs.js';
import type { HeaderSpec, JsonObject, MediaTypeSpec, OpenApiVersion, RequestBodySpec, ResponseSpec } from './types.js';

export function normaliseResponses(
  document: JsonObject,
  operation: Located<JsonObject>,
  version: OpenApiVersion,
  produces: string[],
): ResponseSpec[] {
  const responses = objectUnder(document, operation, 'responses');
  if (!responses) return [];
  return Object.keys(responses.value)
    .filter((status) => !status.startsWith('x-'))
    .flatMap((status) => {
      const response = objectUnder(document, responses, status);
      if (!response) return [];
      return [
        version === '2.0'
          ? { status, pointer: response.pointer, content: swagger2Content(response, produces), headers: swagger2Headers(response) }
          : { status, pointer: response.pointer, content: mediaTypes(document, response), headers: headers(document, response) },
      ];
    });
}

export function normaliseRequestBody(document: JsonObject, operation: Located<JsonObject>): RequestBodySpec | undefined {
  const body = objectUnder(document, operation, 'requestBody');
  if (!body) return undefined;
  return { required: body.value.required === true, content: mediaTypes(document, body) };
}

/** The Media Type Objects of a `content` map (OpenAPI 3 Media Type Object). */
function mediaTypes(document: JsonObject, holder: Located<JsonObject>): MediaTypeSpec[] {
  const content = objectUnder(document, holder, 'content');
  if (!content) return [];
  return Object.keys(content.value).map((mediaType) => {
    const pointer = childPointer(content.pointer, mediaType);
    const media = objectUnder(document, content, mediaType);
    const schema = media?.value.schema;
    const hasSchema = isJsonObject(schema) || typeof schema === 'boolean';
    return { mediaType, pointer, schemaPointer: hasSchema && media ? childPointer(media.pointer, 'schema') : undefined };
  });
}

/** Header Objects (OpenAPI 3); one named Content-Type is ignored (Response Object, headers). */
function headers(document: JsonObject, response: Located<JsonObject>): HeaderSpec[] {
  const map = isJsonObject(response.value.headers) ? response.value.headers : {};
  return Object.keys(map)
    .filter((name) => name.toLowerCase() !== 'content-type')
    .flatMap((name) => {
      const header = objectUnder(document, response, 'headers', name);
      if (!header) return [];
      const viaContent = mediaTypes(document, header)[0]?.schemaPointer;
      const schemaPointer = header.value.schema !== undefined ? childPointer(header.pointer, 'schema') : viaContent;
      return [{ name, required: header.value.required === true, pointer: header.pointer, schemaPointer }];
    });
}

/**
 * Swagger 2.0 documents media types per operation (`produces`, else the document's); without
 * any, the document does not constrain the media type: the full range (RFC 9110 §12.5.1).
 */
function swagger2Content(response: Located<JsonObject>, produces: string[]): MediaTypeSpec[] {
  const hasSchema = isJsonObject(response.value.schema);
  const schemaPointer = hasSchema ? childPointer(response.pointer, 'schema') : undefined;
  if (!hasSchema && produces.length === 0) return [];
  return (produces.length > 0 ? produces : ['*/*']).map((mediaType) => ({ mediaType, pointer: response.pointer, schemaPointer }));
}

/** Swagger 2.0 Header Objects cannot be required; they are listed for completeness. */
function swagger2Headers(response: Located<JsonObject>): HeaderSpec[] {
  const map = isJsonObject(response.value.headers) ? response.value.headers : {};
  return Object.keys(map).map((name) => ({
    name,
    required: false,
    pointer: childPointer(response.pointer, 'headers', name),
    schemaPointer: undefined,
  }));
}
