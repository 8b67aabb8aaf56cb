/**
 * The response schemas of OGC API - Features Part 1 (landingPage, confClasses, collections,
 * collection, featureCollectionGeoJSON, featureGeoJSON, ...), compiled from the standard's pinned
 * OpenAPI 3.0 building blocks (openapi/ogcapi-features-1.yaml, whose components hold every schema
 * of openapi/schemas/) with the converter and validator konform uses for declared documents.
 */
import { parseSource } from '../openapi/parse-source.js';
import { SchemaRegistry } from '../openapi/schemas.js';

export const BUILDING_BLOCKS = 'openapi/ogcapi-features-1.yaml';

export type OgcSchemaName = 'landingPage' | 'confClasses' | 'collections' | 'collection' | 'featureCollectionGeoJSON' | 'featureGeoJSON';

export interface SchemaViolation {
  /** JSON pointer into the validated value. */
  pointer: string;
  message: string;
  keyword: string;
}

export interface OgcSchemas {
  /** What is wrong with `value` as an instance of the named schema; empty when it is valid. */
  violations(name: OgcSchemaName, value: unknown, max?: number): SchemaViolation[];
}

/** The schemas of the building blocks in `bytes`, read from `file` (named in errors). */
export function compileOgcSchemas(file: string, bytes: Buffer): OgcSchemas {
  const { data, specError } = parseSource(file, bytes.toString('utf8'));
  const registry = new SchemaRegistry(data, '3.0', specError);
  return {
    violations(name, value, max = 20) {
      const validate = registry.validator(`/components/schemas/${name}`);
      if (validate(value)) return [];
      return (validate.errors ?? []).slice(0, max).map((error) => ({
        pointer: error.instancePath,
        message: `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`,
        keyword: error.keyword,
      }));
    },
  };
}
