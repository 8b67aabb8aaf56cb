/**
 * A check's options validated against the options schema of its kind, defaults filled in.
 * The kinds' schemas are compiled in ajv's strict mode: a keyword ajv does not know (a
 * misspelled `minimun`) or a `required` property defined nowhere is an error of the kind —
 * a bug of konform, not of the suite. A kind without an options schema takes no options.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { CheckKind } from '../checks/types.js';
import { didYouMean } from '../core/close-matches.js';
import { childPointer } from '../core/json-pointer.js';

type Schema = Record<string, unknown>;

/** The options schema of a kind that takes no options. */
const NO_OPTIONS: Schema = { type: 'object', additionalProperties: false, properties: {} };

/** The schemas are konform's own, checked against the meta-schema by a test; ajv caches each compiled one. */
const optionsAjv = new Ajv2020({ allErrors: true, strict: true, useDefaults: true, validateSchema: false, verbose: true });

export function optionsSchemaOf(kind: Pick<CheckKind, 'optionsSchema'>): Schema {
  return kind.optionsSchema ?? NO_OPTIONS;
}

/** The kind's options validator; throws when its schema does not compile in strict mode. */
export function compileOptionsSchema(kind: Pick<CheckKind, 'name' | 'optionsSchema'>): ValidateFunction {
  try {
    return optionsAjv.compile(optionsSchemaOf(kind));
  } catch (error) {
    throw new Error(`the options schema of check kind ${kind.name} does not compile: ${(error as Error).message}`, { cause: error });
  }
}

export interface OptionsProblem {
  /** JSON pointer into the options. */
  pointer: string;
  message: string;
}

/** `/budget/maxRequests` → `budget.maxRequests`. */
const optionName = (pointer: string) => pointer.slice(1).split('/').join('.');

function explain(error: ErrorObject): OptionsProblem {
  const at = error.instancePath;
  if (error.keyword === 'additionalProperties') {
    const name = String(error.params.additionalProperty);
    const known = Object.keys((error.parentSchema?.properties ?? {}) as Schema);
    const choice = known.length > 0 ? ` — options: ${known.join(', ')}` : ' — it takes no options';
    return { pointer: childPointer(at, name), message: `unknown option "${optionName(`${at}/${name}`)}"${didYouMean(name, known)}${choice}` };
  }
  if (error.keyword === 'required') {
    const name = String(error.params.missingProperty);
    return { pointer: at, message: `missing option "${optionName(`${at}/${name}`)}"` };
  }
  const detail = error.keyword === 'enum' ? `must be one of ${(error.params.allowedValues as unknown[]).map(String).join(', ')}` : error.message;
  return { pointer: at, message: `${at === '' ? 'the options' : `option "${optionName(at)}"`} ${detail ?? error.keyword}` };
}

/** What is wrong with a check's options (which get the schema's defaults); empty when nothing is. */
export function optionsProblems(kind: Pick<CheckKind, 'name' | 'optionsSchema'>, options: Record<string, unknown>): OptionsProblem[] {
  const validate = compileOptionsSchema(kind);
  return validate(options) ? [] : (validate.errors ?? []).map(explain);
}
