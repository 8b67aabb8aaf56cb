/**
 * Checks a Schema Object against the meta-schema of its dialect, as Ajv2020's `validateSchema`
 * does with konform's OpenAPI formats added. JSON Schema 2020-12 (the default, and what
 * OpenAPI 3.0 and 2.0 schemas are converted to) is checked by a validator compiled when
 * konform is built (core/precompiled.ts). A schema that names another dialect with `$schema`
 * (JSON Schema 2020-12 §8.1.1) goes to Ajv2020 itself, created when first needed: it knows the
 * 2020-12 vocabulary meta-schemas and throws for a dialect it does not know.
 */
import type { CodeOptions, ErrorObject } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { precompiled, type SchemaCompiler } from '../core/precompiled.js';
import { addOpenApiFormats } from './formats.js';

const DIALECT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

let dialectsAjv: Ajv2020 | undefined;

function metaSchemaAjv(code?: CodeOptions): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, ...(code ? { code } : {}) });
  addOpenApiFormats(ajv);
  return ajv;
}

/** The 2020-12 meta-schema as metaSchemaErrors checks it, for precompile.ts. */
export function metaSchemaCompiler(code: CodeOptions): SchemaCompiler {
  const ajv = metaSchemaAjv(code);
  return { ajv, validate: ajv.getSchema(DIALECT_2020_12) as SchemaCompiler['validate'] };
}

/** The meta-schema's errors for `schema`, none when it is valid; throws for an unknown `$schema`. */
export function metaSchemaErrors(schema: unknown): ErrorObject[] {
  const dialect = typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined;
  if (dialect === undefined || dialect === DIALECT_2020_12) {
    const validate = precompiled('json-schema-2020-12');
    return validate(schema) ? [] : (validate.errors ?? []);
  }
  dialectsAjv ??= metaSchemaAjv();
  return dialectsAjv.validateSchema(schema as object) ? [] : (dialectsAjv.errors ?? []);
}
