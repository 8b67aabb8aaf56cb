/**
 * Values the user gives for path and query parameters by name (`--param name=value`, or
 * `target.parameters`): sent for every operation's parameter of that name in place of the
 * document's. The text is read as the parameter's schema types it (a number for `integer` and
 * `number`, true or false for `boolean`) and must be valid against that schema.
 */
import { ERROR_CODES, KonformError } from '../model/errors.js';
import type { Operation, ParameterSpec } from './types.js';
import type { ValueCheck } from './value-check.js';

export type GivenValues = Readonly<Record<string, string>>;

/** The given value for the parameter, typed by its schema; undefined where none is given. */
export function givenValue(parameter: ParameterSpec, given: GivenValues | undefined): { value: unknown } | undefined {
  if (!takesGivenValue(parameter) || given === undefined || !Object.hasOwn(given, parameter.name)) return undefined;
  return { value: typedValue(parameter, given[parameter.name] as string) };
}

function takesGivenValue(parameter: ParameterSpec): boolean {
  return parameter.in === 'path' || parameter.in === 'query';
}

function typedValue(parameter: ParameterSpec, text: string): unknown {
  // OpenAPI 3.1 schemas may list several types (JSON Schema 2020-12 §6.1.1).
  const types = [parameter.schema?.type].flat();
  const numeric = types.includes('integer') || types.includes('number');
  if (numeric && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Throws a usage error naming a given name no path or query parameter has, or the first given value its parameter's schema rules out. */
export function assertGivenValuesValid(operations: readonly Operation[], given: GivenValues | undefined, check: ValueCheck): void {
  const parameters = operations.flatMap((operation) => operation.parameters);
  const unknown = Object.keys(given ?? {}).filter((name) => !parameters.some((parameter) => parameter.name === name && takesGivenValue(parameter)));
  if (unknown.length > 0) throw new KonformError(ERROR_CODES.USAGE, `no path or query parameter of the document is named ${unknown.join(', ')}`);
  for (const operation of operations) {
    for (const parameter of operation.parameters) {
      const chosen = givenValue(parameter, given);
      const problem = chosen && parameter.schemaPointer !== undefined ? check(chosen.value, parameter.schemaPointer) : undefined;
      if (problem !== undefined) {
        throw new KonformError(
          ERROR_CODES.USAGE,
          `the value given for ${parameter.in} parameter ${parameter.name} (${given?.[parameter.name]}) is invalid for ${operation.method} ${operation.path}: ${problem}`,
        );
      }
    }
  }
}
