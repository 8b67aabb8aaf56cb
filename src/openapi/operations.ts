/**
 * The operations of a document: every method of every Path Item Object (OpenAPI 3 and
 * Swagger 2.0), with the path item's parameters merged in. An operation's parameter overrides
 * a path item's parameter of the same name and location.
 */
import { forEachInSlices } from '../core/event-loop.js';
import { normaliseParameter } from './parameters.js';
import { isJsonObject, objectUnder, type Located } from './refs.js';
import { normaliseRequestBody, normaliseResponses } from './responses.js';
import type { JsonObject, OpenApiVersion, Operation, ParameterSpec, RequestBodySpec } from './types.js';

const METHODS_3 = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const METHODS_2 = METHODS_3.filter((method) => method !== 'trace');
/** Safe methods (RFC 9110 §9.2.1) konform calls without the target's consent; OPTIONS and TRACE are left out. */
const SAFE = new Set(['GET', 'HEAD']);

/** The operations in document order; the event loop gets its turns meanwhile, and an abort of `signal` stops it. */
export async function listOperations(document: JsonObject, version: OpenApiVersion, signal?: AbortSignal): Promise<Operation[]> {
  const paths = isJsonObject(document.paths) ? document.paths : {};
  const operations: Operation[] = [];
  const keys = new Set<string>();
  await forEachInSlices(Object.keys(paths).filter((name) => name.startsWith('/')), signal, (path) => {
    const item = objectUnder(document, { value: document, pointer: '' }, 'paths', path);
    if (!item) return;
    for (const method of version === '2.0' ? METHODS_2 : METHODS_3) {
      const operation = objectUnder(document, item, method);
      if (!operation) continue;
      const title = `${method.toUpperCase()} ${path}`;
      const declaredKey = typeof operation.value.operationId === 'string' ? operation.value.operationId : title;
      const key = keys.has(declaredKey) ? title : declaredKey;
      keys.add(key);
      const parameters = mergeParameters(parametersOf(document, item, version), parametersOf(document, operation, version));
      operations.push({
        key,
        method: method.toUpperCase(),
        path,
        pointer: operation.pointer,
        parameters,
        requestBody: version === '2.0' ? swagger2Body(document, operation, parameters) : normaliseRequestBody(document, operation),
        responses: normaliseResponses(document, operation, version, stringList(operation.value.produces ?? document.produces)),
        safe: SAFE.has(method.toUpperCase()),
        secured: demandsCredentials(operation.value.security ?? document.security),
      });
    }
  });
  return operations;
}

type Grouping = WeakMap<readonly Operation[], Map<string, Operation[]>>;

const byKey: Grouping = new WeakMap();
const byPath: Grouping = new WeakMap();

/** The operations grouped by `property`, grouped once per list: a run looks up ten thousand operations as often. */
function grouped(cache: Grouping, operations: readonly Operation[], property: 'key' | 'path'): Map<string, Operation[]> {
  let groups = cache.get(operations);
  if (!groups) {
    groups = new Map();
    for (const operation of operations) {
      const group = groups.get(operation[property]);
      if (group) group.push(operation);
      else groups.set(operation[property], [operation]);
    }
    cache.set(operations, groups);
  }
  return groups;
}

export function operationWithKey(operations: readonly Operation[], key: string): Operation | undefined {
  return grouped(byKey, operations, 'key').get(key)?.[0];
}

export function operationsOnPath(operations: readonly Operation[], path: string): readonly Operation[] {
  return grouped(byPath, operations, 'path').get(path) ?? [];
}

function parametersOf(document: JsonObject, holder: Located<JsonObject>, version: OpenApiVersion): ParameterSpec[] {
  const list = Array.isArray(holder.value.parameters) ? holder.value.parameters : [];
  return list.flatMap((_, index) => {
    const parameter = objectUnder(document, holder, 'parameters', index);
    const spec = parameter && normaliseParameter(document, parameter, version);
    return spec ? [spec] : [];
  });
}

function mergeParameters(fromPathItem: ParameterSpec[], fromOperation: ParameterSpec[]): ParameterSpec[] {
  const overridden = (p: ParameterSpec) => fromOperation.some((o) => o.name === p.name && o.in === p.in);
  return [...fromPathItem.filter((p) => !overridden(p)), ...fromOperation];
}

/** Swagger 2.0 sends a body as the `body` parameter, in the media types of `consumes`. */
function swagger2Body(document: JsonObject, operation: Located<JsonObject>, parameters: ParameterSpec[]): RequestBodySpec | undefined {
  const body = parameters.find((parameter) => parameter.in === 'body');
  if (!body) return undefined;
  const consumes = stringList(operation.value.consumes ?? document.consumes);
  return {
    required: body.required,
    content: consumes.map((mediaType) => ({ mediaType, pointer: body.pointer, schemaPointer: body.schemaPointer })),
  };
}

/**
 * OpenAPI 3.1.1 Security Requirement Object (Swagger 2.0 alike): the alternatives of the
 * operation's `security`, else the document's; none, or an empty one (`{}`), makes
 * credentials optional.
 */
function demandsCredentials(security: unknown): boolean {
  return Array.isArray(security) && security.length > 0 && security.every((alternative) => isJsonObject(alternative) && Object.keys(alternative).length > 0);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
