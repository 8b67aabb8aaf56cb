/**
 * `oparl.object-schema`: every object is valid against the schema of its type (OParl §3, the
 * schema files of the standard). Each error names the rule it breaks: a missing `id` (§3.1), a
 * missing `accessUrl` (§2.7), a missing mandatory array (§2.4: output it empty), null for a
 * mandatory property (§2.4), a malformed date or date-time (§2.4), else the schema. What §2.4
 * only advises against — null, "" or [] for an optional property — is the empty-values check's.
 * A deleted object may drop every attribute but id, type, created and modified (§2.8). Errors
 * inside an internal object are reported for that object, which is examined on its own.
 * `bodyLists` names the external lists a Body must link that its schema does not mark as
 * required (OParl 1.1, schema/strings.yml: "ZWINGEND").
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import type { Finding } from '../../model/types.js';
import { childPointer, pointerTokens } from '../../core/json-pointer.js';
import { isJsonObject } from '../../openapi/refs.js';
import { objectFinding } from '../../oparl/findings.js';
import type { ObjectType } from '../../oparl/model.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE, type Rule } from '../../oparl/rules.js';
import { oparlValidator } from '../../oparl/validator.js';
import { perTypeKind, type OParlOptions } from './shared.js';

export type ObjectSchemaOptions = OParlOptions & { bodyLists?: string[] };

const DATE_FORMATS = new Set(['oparl-date', 'oparl-date-time']);
/** Rules about the objects of one type; the others concern objects of every type. */
const TYPE_OF_RULE: Partial<Record<Rule, string>> = { [RULE.FILE_ACCESS_URL]: 'File', [RULE.BODY_LISTS]: 'Body' };
const KEPT_WHEN_DELETED = new Set(['id', 'type']);
/** The rules schema errors break (ruleOf); OPARL-BODY-LISTS where the check names the lists a Body must link. */
const SCHEMA_RULES = [RULE.OBJ_SCHEMA, RULE.OBJ_ID, RULE.FILE_ACCESS_URL, RULE.JSON_MANDATORY_ARRAY, RULE.JSON_MANDATORY_NOT_NULL, RULE.JSON_DATE];
const decidedRules = (options: ObjectSchemaOptions) => [...SCHEMA_RULES, ...((options.bodyLists ?? []).length > 0 ? [RULE.BODY_LISTS] : [])];

/** The rule an error breaks, or undefined when the error is not this check's to report. */
function ruleOf(error: ErrorObject, type: ObjectType, deleted: boolean): Rule | undefined {
  const path = pointerTokens(error.instancePath);
  if (error.keyword === 'required' && path.length === 0) {
    const missing = String(error.params.missingProperty);
    if (deleted && !KEPT_WHEN_DELETED.has(missing)) return undefined;
    if (missing === 'id') return RULE.OBJ_ID;
    if (missing === 'accessUrl') return RULE.FILE_ACCESS_URL;
    const properties = isJsonObject(error.parentSchema) ? error.parentSchema.properties : undefined;
    const definition = isJsonObject(properties) ? properties[missing] : undefined;
    return isJsonObject(definition) && definition.type === 'array' ? RULE.JSON_MANDATORY_ARRAY : RULE.OBJ_SCHEMA;
  }
  const [property] = path;
  const optional = path.length === 1 && !type.required.includes(property as string);
  if (optional && (error.data === null || error.data === '')) return undefined;
  if (path.length === 1 && error.keyword === 'type' && error.data === null) return RULE.JSON_MANDATORY_NOT_NULL;
  if (error.keyword === 'format' && DATE_FORMATS.has(String(error.params.format))) return RULE.JSON_DATE;
  return RULE.OBJ_SCHEMA;
}

/** Whether the error lies inside an internal object, which is examined on its own. */
function insideInternal(error: ErrorObject, type: ObjectType): boolean {
  const [property, ...rest] = pointerTokens(error.instancePath);
  if (property === undefined || type.relations.get(property)?.kind !== 'embedded') return false;
  return rest.length > (type.relations.get(property)?.many ? 1 : 0);
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') return `the property "${String(error.params.missingProperty)}" is missing`;
  const where = error.instancePath ? `"${pointerTokens(error.instancePath).join('.')}"` : 'the object';
  return `${where} ${error.message ?? 'is invalid'}${error.keyword === 'type' ? `, not ${JSON.stringify(error.data)}` : ''}`;
}

export const objectSchemaKind = perTypeKind<ObjectSchemaOptions>({
  name: 'oparl.object-schema',
  description: 'Every object is valid against the schema of its type',
  decides: decidedRules,
  properties: { bodyLists: { type: 'array', items: { type: 'string' } } },
  rules: (_selected, { type, check, options }) =>
    check.verifies.filter((rule) => (TYPE_OF_RULE[rule as Rule] ?? type) === type && (rule !== RULE.BODY_LISTS || (options.bodyLists ?? []).length > 0)),
  async examine(occurrence: Occurrence, { context, crawl, type, options }) {
    const objectType = crawl.model.types.get(type);
    if (!objectType) return [];
    const validate = await oparlValidator(context);
    const deleted = occurrence.object.deleted === true;
    const findings: Finding[] = [];
    for (const error of validate(type, occurrence.object)) {
      const rule = insideInternal(error, objectType) ? undefined : ruleOf(error, objectType, deleted);
      if (!rule) continue;
      const pointer = occurrence.pointer + (error.keyword === 'required' ? childPointer(error.instancePath, String(error.params.missingProperty)) : error.instancePath);
      findings.push(objectFinding(occurrence, rule, 'schema-violation', `oparl:${type} ${describe(error)}`, { pointer, params: { keyword: error.keyword, ...error.params } }));
    }
    for (const name of deleted || type !== 'Body' ? [] : (options.bodyLists ?? [])) {
      if (occurrence.object[name] !== undefined) continue;
      findings.push(objectFinding(occurrence, RULE.BODY_LISTS, 'list-missing', `oparl:${type} does not link the external list "${name}"`, {
        pointer: childPointer(occurrence.pointer, name),
        params: { property: name },
      }));
    }
    return findings;
  },
});
