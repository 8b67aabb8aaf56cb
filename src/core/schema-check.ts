/**
 * Validates konform's own data files (suites, manifests, requirement catalogues, self-tests)
 * against the JSON Schemas that ship with it, compiled when konform is built (precompiled.ts),
 * and turns the first problems into located errors.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorCode } from '../model/errors.js';
import { KonformError } from '../model/errors.js';
import { childPointer } from './json-pointer.js';
import { precompiled, type PrecompiledName } from './precompiled.js';
import type { YamlSource } from './yaml-source.js';

/** Where an error is: for a property name that is refused (propertyNames), that property. */
function pointerOf(error: ErrorObject): string {
  return error.propertyName === undefined ? error.instancePath : childPointer(error.instancePath, error.propertyName);
}

function explain(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
  if (error.propertyName !== undefined) return `${where}: property name "${error.propertyName}" ${error.message ?? error.keyword}`;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property "${String(error.params.additionalProperty)}"`;
  }
  if (error.keyword === 'enum') {
    return `${where}: must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

/** The most specific errors: drop those whose path is a prefix of another error's path. */
function mostSpecific(errors: ErrorObject[]): ErrorObject[] {
  return errors.filter(
    (error) =>
      // A propertyNames error only sums up the error of the name before it.
      error.keyword !== 'propertyNames' &&
      !errors.some((other) => other !== error && other.instancePath.startsWith(`${error.instancePath}/`)),
  );
}

export function checkAgainstSchema(schema: PrecompiledName, source: YamlSource, code: ErrorCode, what: string): void {
  const validate = precompiled(schema);
  if (validate(source.data)) return;
  const errors = mostSpecific(validate.errors ?? []);
  const first = errors[0] as ErrorObject;
  const lines = errors.slice(0, 10).map((error) => {
    const loc = source.locate(pointerOf(error));
    return `  ${loc.line ?? '?'}:${loc.column ?? '?'} ${explain(error)}`;
  });
  throw new KonformError(code, `invalid ${what}:\n${lines.join('\n')}`, source.locate(pointerOf(first)));
}
