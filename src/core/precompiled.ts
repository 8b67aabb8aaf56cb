/**
 * Validators of konform's fixed schemas — its own data formats and the official OpenAPI
 * schemas — compiled to JavaScript when konform is built (Ajv's standalone code, written by
 * precompile.ts into dist/validators/), so that a run does not compile them at start-up
 * (about 90 ms of an OpenAPI run). The code is what Ajv generates at run time for the same
 * schema and options; the validators give the same answers and the same errors.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import type standaloneCode from 'ajv/dist/standalone/index.js';
import { PACKAGE_ROOT } from './package-root.js';

export type PrecompiledName =
  | 'suite'
  | 'standard'
  | 'requirements'
  | 'selftest'
  | 'batch-plan'
  | 'oas-2.0'
  | 'oas-3.0'
  | 'oas-3.1'
  | 'json-schema-2020-12';

/** A validator compiled by an Ajv instance made for standalone code (precompile.ts). */
export interface SchemaCompiler {
  ajv: Parameters<typeof standaloneCode.default>[0];
  validate: ValidateFunction;
}

export const PRECOMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'validators');

export const precompiledFile = (name: PrecompiledName): string => join(PRECOMPILED_DIR, `${name}.cjs`);

const require = createRequire(import.meta.url);

/** The validator built for `name` (loaded once per process, as every module is). */
export function precompiled(name: PrecompiledName): ValidateFunction {
  try {
    return require(precompiledFile(name)) as ValidateFunction;
  } catch (error) {
    if (!existsSync(precompiledFile(name))) throw new Error(`konform is not built: ${precompiledFile(name)} is missing (run npm run build)`, { cause: error });
    throw error;
  }
}
