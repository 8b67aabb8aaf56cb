/** The schema files of the pinned OParl standards, as the check kinds read them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { JsonObject } from '../../src/openapi/types.js';
import { PACKAGE_ROOT } from '../../src/core/package-root.js';
import { buildModel, type ExternalLists, type OParlModel } from '../../src/oparl/model.js';

export function schemaFiles(version: '1.0' | '1.1'): Map<string, JsonObject> {
  const folder = join(PACKAGE_ROOT, 'standards', 'oparl', version, 'schema');
  const files = readdirSync(folder).filter((name) => name.endsWith('.json'));
  return new Map(files.map((name) => [name.slice(0, -'.json'.length), JSON.parse(readFileSync(join(folder, name), 'utf8')) as JsonObject]));
}

export function modelOf(version: '1.0' | '1.1'): OParlModel {
  const lists = join(PACKAGE_ROOT, 'standards', 'oparl', version, 'external-lists.yaml');
  const external = version === '1.0' ? (parse(readFileSync(lists, 'utf8')) as ExternalLists) : {};
  return buildModel(version, schemaFiles(version), external);
}
