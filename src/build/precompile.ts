/**
 * Writes dist/validators/ (see precompiled.ts): Ajv's standalone code for each fixed schema,
 * compiled with the options konform validates it with. `npm run build` runs this module.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CodeOptions } from 'ajv';
import { _, Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { metaSchemaCompiler } from '../openapi/meta-schema.js';
import { oasSchemaCompiler } from '../openapi/oas-schema.js';
import { SELFTEST_SCHEMA } from '../xml/xmute/config.js';
import { PRECOMPILED_DIR, precompiledFile, type PrecompiledName, type SchemaCompiler } from '../core/precompiled.js';
import batchPlanSchema from '../batch/plan.schema.json' with { type: 'json' };
import requirementsSchema from '../core/requirements.schema.json' with { type: 'json' };
import standardSchema from '../core/standard.schema.json' with { type: 'json' };
import suiteSchema from '../core/suite.schema.json' with { type: 'json' };

/** Standalone code, its formats taken from ajv-formats where the code runs. */
const CODE: CodeOptions = { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` };

/**
 * konform's own schemas, strict and with ajv-formats; they are checked against the JSON Schema
 * meta-schema by a test (test/core/own-schemas.test.ts).
 */
function ownSchema(schema: object): SchemaCompiler {
  const ajv = new Ajv2020({ allErrors: true, strict: true, validateSchema: false, code: CODE });
  addFormats.default(ajv);
  return { ajv, validate: ajv.compile(schema) };
}

const COMPILERS: Record<PrecompiledName, () => SchemaCompiler> = {
  suite: () => ownSchema(suiteSchema),
  standard: () => ownSchema(standardSchema),
  requirements: () => ownSchema(requirementsSchema),
  selftest: () => ownSchema(SELFTEST_SCHEMA),
  'batch-plan': () => ownSchema(batchPlanSchema),
  'oas-2.0': () => oasSchemaCompiler('oas-2.0', CODE),
  'oas-3.0': () => oasSchemaCompiler('oas-3.0', CODE),
  'oas-3.1': () => oasSchemaCompiler('oas-3.1', CODE),
  'json-schema-2020-12': () => metaSchemaCompiler(CODE),
};

export const PRECOMPILED_NAMES = Object.keys(COMPILERS) as PrecompiledName[];

/** The module written for `name`: CommonJS, as Ajv's standalone code requires its runtime helpers. */
export function precompiledCode(name: PrecompiledName): string {
  const { ajv, validate } = COMPILERS[name]();
  return standaloneCode.default(ajv, validate);
}

export async function writePrecompiled(): Promise<void> {
  await mkdir(PRECOMPILED_DIR, { recursive: true });
  await Promise.all(PRECOMPILED_NAMES.map((name) => writeFile(precompiledFile(name), precompiledCode(name))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await writePrecompiled();
