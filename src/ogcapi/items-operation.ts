/**
 * What an API definition says about the items operation of a collection (OGC 17-069r4 §7.15):
 * which operation it is, whether a query parameter of it admits any name, and the bounds of
 * `limit` (/req/core/fc-limit-definition; /per/core/fc-limit-default-minimum-maximum lets a
 * server choose other values than the example's minimum 1, maximum 10 000 and default 10).
 */
import type { OpenApiDocument } from '../openapi/document.js';
import { isJsonObject, objectAt } from '../openapi/refs.js';
import type { JsonObject, Operation, ParameterSpec } from '../openapi/types.js';

/** The example values of /req/core/fc-limit-definition, where the definition gives none. */
const LIMIT_EXAMPLE = { minimum: 1, maximum: 10_000 };

export interface LimitBounds {
  minimum: number;
  maximum: number;
  /** The limit of a request without one, where the definition gives it. */
  default?: number;
}

/** The GET operation at `/collections/{collectionId}/items`: the collection's own path first, else the template. */
export function itemsOperation(document: OpenApiDocument, collectionId: string): Operation | undefined {
  const candidates = document.operations.filter((operation) => {
    const [empty, collections, id, items, ...rest] = operation.path.split('/');
    const shaped = empty === '' && collections === 'collections' && id !== undefined && items === 'items' && rest.length === 0;
    return operation.method === 'GET' && shaped;
  });
  const own = [collectionId, encodeURIComponent(collectionId)].map((id) => `/collections/${id}/items`);
  return (
    candidates.find((operation) => own.includes(operation.path)) ??
    candidates.find((operation) => /^\{[^}]+\}$/.test(operation.path.split('/')[2] ?? ''))
  );
}

function schemaOf(document: OpenApiDocument, parameter: ParameterSpec): JsonObject | undefined {
  return parameter.schemaPointer === undefined ? undefined : objectAt(document.data, parameter.schemaPointer)?.value;
}

/**
 * A query parameter whose properties each become a parameter of their own name: an object
 * serialised with style `form` and `explode: true` (OpenAPI 3.0.3 Parameter Object, Style Examples)
 * whose schema does not close its properties (`additionalProperties` not false).
 */
export function freeFormParameter(document: OpenApiDocument, operation: Operation): ParameterSpec | undefined {
  return operation.parameters.find((parameter) => {
    if (parameter.in !== 'query' || parameter.style !== 'form' || !parameter.explode) return false;
    const schema = schemaOf(document, parameter);
    if (schema === undefined || schema.additionalProperties === false) return false;
    return schema.type === 'object' || (schema.type === undefined && isJsonObject(schema.properties));
  });
}

/** The minimum and maximum of `limit` the definition gives, else those of the standard's example; its default, if given. */
export function limitBounds(document: OpenApiDocument | undefined, operation: Operation | undefined): LimitBounds {
  const parameter = operation?.parameters.find((candidate) => candidate.in === 'query' && candidate.name === 'limit');
  const schema = document && parameter ? schemaOf(document, parameter) : undefined;
  const positive = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined);
  const declaredDefault = positive(schema?.default);
  return {
    minimum: positive(schema?.minimum) ?? LIMIT_EXAMPLE.minimum,
    maximum: positive(schema?.maximum) ?? LIMIT_EXAMPLE.maximum,
    ...(declaredDefault !== undefined ? { default: declaredDefault } : {}),
  };
}
