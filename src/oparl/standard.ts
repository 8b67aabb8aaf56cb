/**
 * The OParl standard a run is bound to, read once per run from its pinned artifacts: the
 * schema files `schema/<Type>.json`, converted for Ajv, and the model of its object types;
 * for OParl 1.0 also `external-lists.yaml`, the external object lists its schemas do not mark.
 */
import { parse } from 'yaml';
import type { CheckContext } from '../checks/types.js';
import type { JsonObject } from '../openapi/types.js';
import { buildModel, type ExternalLists, type OParlModel } from './model.js';
import { convertOParlSchemas } from './schema-dialect.js';

export interface OParlStandard {
  model: OParlModel;
  /** JSON Schemas 2020-12 by type, each with its `$id` (schema-dialect.ts). */
  schemas: ReadonlyMap<string, JsonObject>;
}

const SCHEMA_FILE = /^schema\/([A-Za-z]+)\.json$/;
const EXTERNAL_LISTS = 'external-lists.yaml';

async function load(context: CheckContext): Promise<OParlStandard> {
  const { standard } = context;
  const files = new Map<string, JsonObject>();
  for (const { path } of standard.artifacts) {
    const type = SCHEMA_FILE.exec(path)?.[1];
    if (type) files.set(type, JSON.parse((await context.artifact(path)).toString('utf8')) as JsonObject);
  }
  const listed = standard.artifacts.some(({ path }) => path === EXTERNAL_LISTS);
  const lists = listed ? (parse((await context.artifact(EXTERNAL_LISTS)).toString('utf8')) as ExternalLists) : {};
  return { model: buildModel(standard.version, files, lists), schemas: convertOParlSchemas(standard.version, files) };
}

export function oparlStandard(context: CheckContext): Promise<OParlStandard> {
  return context.memo(`oparl:standard:${context.standard.id}:${context.standard.version}`, () => load(context));
}
