/**
 * GeoJSON objects judged as RFC 7946 asks, in one place for every family that needs them: the
 * official GeoJSON JSON Schema (draft-07, geojson.org/schema, pinned in
 * standards/geojson/rfc7946/) decides the objects; rules.ts the rules a schema cannot express.
 * Each finding names its rule of the catalogue there, with the rule's level (a MUST is an error,
 * a SHOULD a warning) and its clause of the RFC. The schemas are compiled once per process, on
 * first use.
 */
import { valueAt } from '../core/json-pointer.js';
import type { FindingCode } from '../model/finding-codes.js';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { readArtifact } from '../core/artifact-read.js';
import { loadStandard } from '../core/load-standard.js';
import type { Requirement } from '../model/types.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { isJsonObject } from '../openapi/refs.js';
import { ruleViolations } from './rules.js';
import { schemaProblems, type SchemaProblem } from './schema-errors.js';

export type GeoJsonKind = 'Feature' | 'FeatureCollection';

export interface GeoJsonFinding {
  /** ID of the rule in standards/geojson/rfc7946/requirements.yaml. */
  requirement: string;
  /** error for a MUST, warning for a SHOULD. */
  severity: 'error' | 'warning';
  code: FindingCode;
  message: string;
  /** JSON pointer into the judged object. */
  pointer: string;
  /** The clause of RFC 7946. */
  clause: string;
  /** The schema keyword, for a schema violation. */
  keyword?: string;
}

export const GEOJSON_STANDARD = join(PACKAGE_ROOT, 'standards', 'geojson', 'rfc7946');

type SchemaName = GeoJsonKind | 'GeometryCollection';

const SCHEMA_NAMES: readonly SchemaName[] = ['Feature', 'FeatureCollection', 'GeometryCollection'];

/** The catalogue rule a schema violation of each kind breaks. */
const REQUIREMENT: Readonly<Record<GeoJsonKind, string>> = { Feature: 'GEOJSON-FEATURE', FeatureCollection: 'GEOJSON-FEATURE-COLLECTION' };

type Schemas = Record<SchemaName, { schema: Record<string, unknown>; validate: ValidateFunction }>;

interface Compiled {
  requirements: ReadonlyMap<string, Requirement>;
  schemas: Schemas;
}

let compiled: Promise<Compiled> | undefined;

async function compile(): Promise<Compiled> {
  const standard = await loadStandard(GEOJSON_STANDARD);
  // Every error, so that what follows a nested GeometryCollection is judged too.
  const ajv = new Ajv({ strict: true, allErrors: true });
  const schemaOf = async (name: SchemaName) => {
    const file = `schema/${name}.json`;
    const artifact = standard.artifacts.find(({ path }) => path === file);
    if (!artifact) throw new Error(`standards/geojson/rfc7946 lists no ${file}`);
    const schema = JSON.parse((await readArtifact(GEOJSON_STANDARD, artifact)).toString('utf8')) as Record<string, unknown>;
    return [name, { schema, validate: ajv.compile(schema) }] as const;
  };
  return {
    requirements: new Map(standard.requirements.map((requirement) => [requirement.id, requirement])),
    schemas: Object.fromEntries(await Promise.all(SCHEMA_NAMES.map(schemaOf))) as Schemas,
  };
}

/**
 * The schema problems of `value` (at `base` in the judged object). The schema refuses a nested
 * GeometryCollection, which RFC 7946 §3.1.8 only discourages (a SHOULD of rules.ts): such a
 * member is judged against GeometryCollection.json instead.
 */
function problemsOf(schemas: Schemas, name: SchemaName, value: unknown, base = ''): SchemaProblem[] {
  const { schema, validate } = schemas[name];
  if (validate(value)) return [];
  return schemaProblems(schema, value, validate.errors ?? []).flatMap((problem) => {
    const member = valueAt(value, problem.pointer);
    const nested = problem.keyword === 'oneOf' && /\/geometries\/\d+$/.test(problem.pointer) && isJsonObject(member) && member.type === 'GeometryCollection';
    return nested ? problemsOf(schemas, 'GeometryCollection', member, base + problem.pointer) : [{ ...problem, pointer: base + problem.pointer }];
  });
}

/** What keeps `value` from being a GeoJSON object of `kind` as RFC 7946 defines it, and what it should not do. */
export async function geojsonFindings(kind: GeoJsonKind, value: unknown): Promise<GeoJsonFinding[]> {
  compiled ??= compile();
  const { requirements, schemas } = await compiled;
  const found = [
    ...problemsOf(schemas, kind, value).map(({ pointer, message, keyword }) => ({
      requirement: REQUIREMENT[kind],
      code: 'schema-violation' as const,
      message: `${pointer || 'it'} ${message}`,
      pointer,
      keyword,
    })),
    ...ruleViolations(value),
  ];
  return found.map((finding) => {
    const requirement = requirements.get(finding.requirement);
    if (!requirement) throw new Error(`standards/geojson/rfc7946 has no requirement ${finding.requirement}`);
    return { ...finding, severity: requirement.level === 'MUST' ? 'error' : 'warning', clause: requirement.clause };
  });
}
