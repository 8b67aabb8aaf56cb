/**
 * Turns an error of @apidevtools/swagger-parser into the problems it names, each a message and
 * a JSON pointer: structural errors (its ajv `details`, every one), $ref resolution errors
 * (every unresolvable `$ref`, see ref-errors.ts) and its Swagger 2.0 semantic checks
 * ("Validation failed. /paths/{id}/get …"), which stop at their first problem.
 */
import type { ErrorObject } from 'ajv';
import { childPointer, valueAt } from '../core/json-pointer.js';
import type { Locate } from '../core/yaml-locator.js';
import { unresolvableRefs } from './ref-errors.js';
import { isJsonObject } from './refs.js';
import type { JsonObject } from './types.js';

const MAX_MESSAGES = 4;

export interface LocatedProblem {
  message: string;
  pointer: string | undefined;
}

/** The problems an error of swagger-parser names: every structural error, every unresolvable `$ref`, else its one error. */
export function locateParserErrors(error: unknown, root: JsonObject, file: string, locate: Locate): LocatedProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  const details = (error as { details?: unknown }).details;
  if (Array.isArray(details) && details.length > 0) return locateSchemaErrors(details as ErrorObject[]);
  const refs = unresolvableRefs(error, root, file, locate);
  if (refs) return refs;
  if (message.startsWith('Validation failed.')) return [{ message, pointer: semanticErrorPointer(message, root) }];
  return [{ message, pointer: root.swagger !== undefined ? '/swagger' : root.openapi !== undefined ? '/openapi' : '' }];
}

const isCombinator = (error: ErrorObject): boolean => error.keyword === 'oneOf' || error.keyword === 'anyOf';
const isBelow = (pointer: string, ancestor: string): boolean => pointer.startsWith(ancestor + '/');

/**
 * ajv reports every failing branch of a `oneOf`/`anyOf`; the branch errors below such an error
 * are noise, and so is a `oneOf`/`anyOf` error above another error that remains (it only
 * passes the failure up). Each remaining place is one problem, with the messages of every
 * error there.
 */
function locateSchemaErrors(errors: ErrorObject[]): LocatedProblem[] {
  const branchRoots = errors.filter(isCombinator).map((e) => e.instancePath);
  const isBranchNoise = (e: ErrorObject): boolean =>
    !isCombinator(e) && branchRoots.some((root) => e.instancePath === root || isBelow(e.instancePath, root));
  const candidates = errors.filter((e) => !isBranchNoise(e));
  const places = candidates
    .filter((e) => !(isCombinator(e) && candidates.some((other) => isBelow(other.instancePath, e.instancePath))))
    .map((e) => e.instancePath)
    .filter((place, index, all) => all.indexOf(place) === index);
  return places.map((place) => {
    const messages = errors
      .filter((e) => e.instancePath === place)
      .sort((a, b) => Number(isCombinator(a)) - Number(isCombinator(b)))
      .map((e) => describe(e))
      .filter((text, index, all) => all.indexOf(text) === index);
    const shown = messages.slice(0, MAX_MESSAGES).join('; ') + (messages.length > MAX_MESSAGES ? '; …' : '');
    return { message: `does not conform to the OpenAPI schema: ${shown}`, pointer: place };
  });
}

function describe(error: ErrorObject): string {
  const extra = error.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (extra.additionalProperty !== undefined) return `${error.message} (${extra.additionalProperty})`;
  if (extra.allowedValues !== undefined) return `${error.message} (${extra.allowedValues.join(', ')})`;
  return error.message ?? error.keyword;
}

/** "Validation failed. /paths/{id}/get has …": the path name itself contains slashes. */
function semanticErrorPointer(message: string, root: JsonObject): string | undefined {
  const duplicateId = /Duplicate operation id '([^']+)'/.exec(message)?.[1];
  if (duplicateId !== undefined) return lastOperationWithId(root, duplicateId);
  const id = /(\/(?:paths|definitions)\/\S*)/.exec(message)?.[1];
  if (id === undefined) return undefined;
  if (id.startsWith('/definitions/')) return childPointer('/definitions', id.slice('/definitions/'.length));
  const paths = isJsonObject(root.paths) ? Object.keys(root.paths) : [];
  const pathName = paths
    .filter((name) => id === '/paths' + name || id.startsWith('/paths' + name + '/'))
    .sort((a, b) => b.length - a.length)[0];
  if (pathName === undefined) return '/paths';
  const rest = id.slice(('/paths' + pathName).length).split('/').filter(Boolean);
  let pointer = childPointer('/paths', pathName);
  for (const token of rest) {
    const next = childPointer(pointer, token);
    if (valueAt(root, next) === undefined) break;
    pointer = next;
  }
  return pointer;
}

function lastOperationWithId(root: JsonObject, operationId: string): string | undefined {
  let found: string | undefined;
  for (const [pathName, item] of Object.entries(isJsonObject(root.paths) ? root.paths : {})) {
    for (const [method, operation] of Object.entries(isJsonObject(item) ? item : {})) {
      if (isJsonObject(operation) && operation.operationId === operationId) {
        found = childPointer('/paths', pathName, method, 'operationId');
      }
    }
  }
  return found;
}
