/**
 * Validation of OParl objects against the converted schemas of their type, compiled once per
 * run. The `type` property's URI pattern is left to the type-uri check (one rule, one check),
 * so that a wrong type URI is not reported twice.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { CheckContext } from '../checks/types.js';
import { isJsonObject } from '../openapi/refs.js';
import type { JsonObject } from '../openapi/types.js';
import { addOParlFormats } from './formats.js';
import { schemaId } from './schema-dialect.js';
import { oparlStandard } from './standard.js';

export type OParlValidate = (type: string, object: unknown) => ErrorObject[];

function withoutTypePattern(schema: JsonObject): JsonObject {
  const properties = isJsonObject(schema.properties) ? schema.properties : undefined;
  if (!properties || !isJsonObject(properties.type)) return schema;
  const { pattern: _pattern, ...type } = properties.type;
  return { ...schema, properties: { ...properties, type } };
}

async function compile(context: CheckContext): Promise<OParlValidate> {
  const { schemas, model } = await oparlStandard(context);
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, unicodeRegExp: false });
  addOParlFormats(ajv);
  for (const schema of schemas.values()) ajv.addSchema(withoutTypePattern(schema));
  const compiled = new Map<string, ValidateFunction>();
  return (type, object) => {
    let validate = compiled.get(type);
    if (!validate) {
      validate = ajv.getSchema(schemaId(model.version, type));
      if (!validate) return [];
      compiled.set(type, validate);
    }
    return validate(object) ? [] : [...(validate.errors ?? [])];
  };
}

export function oparlValidator(context: CheckContext): Promise<OParlValidate> {
  return context.memo(`oparl:validator:${context.standard.version}`, () => compile(context));
}
