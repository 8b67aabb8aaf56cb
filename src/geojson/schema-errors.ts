/**
 * The errors Ajv reports against the official GeoJSON schema, read as the problems a person can
 * act on. The schema chooses between GeoJSON types with `oneOf` (a geometry is a Point or a
 * LineString or …), so Ajv reports a failure of every branch: of those, only the branch whose
 * "type" (or JSON type) the value has tells what is wrong; where the value fits no branch, the
 * `oneOf` itself does ("must be one of: null, GeoJSON Point, …").
 */
import type { ErrorObject } from 'ajv';
import { valueAt } from '../core/json-pointer.js';
import { isJsonObject } from '../openapi/refs.js';

export interface SchemaProblem {
  /** JSON pointer into the validated value. */
  pointer: string;
  /** What is wrong there, e.g. `has no "properties" member`. */
  message: string;
  keyword: string;
}

type Schema = Record<string, unknown>;

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

/** The index of the branch meant for `value`: the one of its GeoJSON "type", else of its JSON type. */
function meantBranch(branches: Schema[], value: unknown): number {
  return branches.findIndex((branch) => {
    const geojsonType = valueAt(branch, '/properties/type/enum') as unknown[] | undefined;
    if (geojsonType) return isJsonObject(value) && geojsonType.includes(value.type);
    return branch.type === jsonType(value);
  });
}

function describe(error: ErrorObject, branches: Schema[] | undefined): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') return `has no "${String(params.missingProperty)}" member`;
  if (error.keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
  if (branches) return `must be one of: ${branches.map((branch) => String(branch.title ?? branch.type)).join(', ')}`;
  return error.message ?? error.keyword;
}

/** `inner` lies at or below `outer` in the value. */
const within = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}/`);

/** The problems behind `errors` of `value` against `schema`. */
export function schemaProblems(schema: Schema, value: unknown, errors: readonly ErrorObject[]): SchemaProblem[] {
  const oneOfs = errors.filter((error) => error.keyword === 'oneOf');
  const branchesOf = (oneOf: ErrorObject) => valueAt(schema, oneOf.schemaPath.slice(1)) as Schema[];
  const meantFor = (oneOf: ErrorObject) => meantBranch(branchesOf(oneOf), valueAt(value, oneOf.instancePath));
  /** Every oneOf the error lies in chose the branch meant for the value there. */
  const inMeantBranches = (error: ErrorObject) =>
    [...error.schemaPath.matchAll(/\/oneOf\/(\d+)(?=\/)/g)].every((match) => {
      const path = error.schemaPath.slice(0, (match.index ?? 0) + '/oneOf'.length);
      const oneOf = oneOfs.filter((candidate) => candidate.schemaPath === path && within(error.instancePath, candidate.instancePath)).at(-1);
      return oneOf === undefined || meantFor(oneOf) === Number(match[1]);
    });
  const kept = errors.filter(inMeantBranches);
  const explains = (oneOf: ErrorObject, branch: number) => (other: ErrorObject) =>
    other.schemaPath.startsWith(`${oneOf.schemaPath}/${branch}/`) && within(other.instancePath, oneOf.instancePath);
  return kept
    .filter((error) => {
      if (error.keyword !== 'oneOf') return true;
      // A oneOf stands for itself where no branch was meant, or the meant one had nothing to say.
      const branch = meantFor(error);
      return branch < 0 || !kept.some(explains(error, branch));
    })
    .map((error) => ({ pointer: error.instancePath, message: describe(error, error.keyword === 'oneOf' ? branchesOf(error) : undefined), keyword: error.keyword }));
}
