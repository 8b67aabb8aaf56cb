/**
 * The version-independent model of a declared OpenAPI document (Swagger 2.0, OpenAPI 3.0, 3.1).
 * Every `pointer` is a JSON pointer (RFC 6901) into the document with external `$ref`s bundled in.
 */

export type JsonObject = { [key: string]: unknown };

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'formData';

/**
 * Serialisation styles of OpenAPI 3 (Parameter Object, Style Values); `tabDelimited` covers the
 * Swagger 2.0 `collectionFormat: tsv`, which OpenAPI 3 dropped.
 */
export type ParameterStyle =
  | 'simple'
  | 'label'
  | 'matrix'
  | 'form'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'tabDelimited'
  | 'deepObject';

/** A value the document gives (an example, a default), and where it is written. */
export interface DeclaredValue {
  value: unknown;
  pointer: string;
}

export interface ParameterSpec {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** The Parameter Object. */
  pointer: string;
  /** The schema of the value: OpenAPI 3 `schema`; in Swagger 2.0 the parameter itself, or `schema` for `body`. */
  schema: JsonObject | undefined;
  schemaPointer: string | undefined;
  style: ParameterStyle;
  explode: boolean;
  /** Example values declared on the parameter itself, in order of preference. */
  examples: DeclaredValue[];
}

export interface MediaTypeSpec {
  /** The media type or range as documented, e.g. `application/json` or `text/*`. */
  mediaType: string;
  pointer: string;
  schemaPointer: string | undefined;
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  pointer: string;
  schemaPointer: string | undefined;
}

export interface ResponseSpec {
  /** `200`, `2XX` or `default`, as documented. */
  status: string;
  pointer: string;
  content: MediaTypeSpec[];
  headers: HeaderSpec[];
}

export interface RequestBodySpec {
  required: boolean;
  content: MediaTypeSpec[];
}

export interface Operation {
  /** operationId, or "METHOD /path" when the operation has none. */
  key: string;
  /** Upper case, e.g. `GET`. */
  method: string;
  /** The path template as documented, e.g. `/stations/{station}.json`. */
  path: string;
  pointer: string;
  parameters: ParameterSpec[];
  requestBody: RequestBodySpec | undefined;
  responses: ResponseSpec[];
  /** GET and HEAD (RFC 9110 §9.2.1); only these are called unless the target allows more. */
  safe: boolean;
  /** The operation's Security Requirement (else the document's) asks for credentials: it lists no empty alternative. */
  secured: boolean;
}
