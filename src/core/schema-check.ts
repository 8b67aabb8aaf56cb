/**
 * Validates konform's own data files (suites, manifests, requirement catalogues) against the
 * JSON Schemas that ship with it, and turns the first problems into located errors.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ErrorCode } from './errors.js';
import { KonformError } from './errors.js';
import type { YamlSource } from './yaml-source.js';

// konform's own schemas are checked against the JSON Schema meta-schema by a test
// (test/core/own-schemas.test.ts), not by compiling the meta-schema at every start.
const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false });
addFormats.default(ajv);
const compiled = new Map<object, ValidateFunction>();

function explain(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the document' : error.instancePath;
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
      !errors.some((other) => other !== error && other.instancePath.startsWith(`${error.instancePath}/`)),
  );
}

export function checkAgainstSchema(schema: object, source: YamlSource, code: ErrorCode, what: string): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(source.data)) return;
  const errors = mostSpecific(validate.errors ?? []);
  const first = errors[0] as ErrorObject;
  const lines = errors.slice(0, 10).map((error) => {
    const loc = source.locate(error.instancePath);
    return `  ${loc.line ?? '?'}:${loc.column ?? '?'} ${explain(error)}`;
  });
  throw new KonformError(code, `invalid ${what}:\n${lines.join('\n')}`, source.locate(first.instancePath));
}
