/**
 * `oparl.references`: what an object refers to is what its schema says (OParl §2.5, the schema
 * keywords `references` and `schema`): a reference leads to an object of the named type, a
 * reference to an external object list leads to a list of objects of the named type, and an
 * internal object is of the named type. Only types the target names itself are compared; a
 * type URI of no known type is the type-uri check's; where a link did not answer, its type is
 * undecided (links-resolve reports the link).
 */
import type { Finding } from '../../model/types.js';
import { normaliseUrl } from '../../crawl/index.js';
import { isJsonObject } from '../../openapi/refs.js';
import { objectAt, unanswered, type OParlCrawl } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import { typeOfUri, type Relation } from '../../oparl/model.js';
import { relationValues } from '../../oparl/occurrence-queries.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind } from './shared.js';

/** The finding of a relation that leads to an object of another type, by the kind of relation. */
const WRONG_TYPE = { reference: 'reference-type', list: 'list-type', embedded: 'embedded-type' } as const satisfies Record<Relation['kind'], string>;

/** What the value of a relation is, if it is not of the relation's type: a description, else undefined. */
function mismatch(crawl: OParlCrawl, relation: Relation, value: unknown): string | undefined {
  const typeName = (json: unknown) => (isJsonObject(json) ? typeOfUri(crawl.model, json.type)?.name : undefined);
  const wrong = (name: string | undefined) => name !== undefined && name !== relation.type;
  if (relation.kind === 'embedded') return wrong(typeName(value)) ? `an oparl:${typeName(value)}` : undefined;
  if (typeof value !== 'string') return undefined;
  if (relation.kind === 'list') {
    const list = crawl.lists.get(normaliseUrl(value) ?? '');
    if (!list) return objectAt(crawl, value) !== undefined ? 'an object, not an external object list' : undefined;
    const items = list.pages.flatMap((page) => (isJsonObject(page.json) && Array.isArray(page.json.data) ? page.json.data : []));
    const other = items.map(typeName).find(wrong);
    return other ? `a list with an oparl:${other}` : undefined;
  }
  const target = objectAt(crawl, value);
  if (isJsonObject(target) && Array.isArray(target.data)) return 'an object list, not an object';
  return wrong(typeName(target)) ? `an oparl:${typeName(target)}` : undefined;
}

/** Whether the object refers to, links or embeds anything whose type the schema names. */
function refersToTyped(crawl: OParlCrawl, type: string, occurrence: Occurrence): boolean {
  return [...(crawl.model.types.get(type)?.relations ?? [])].some(([property, relation]) => relation.type !== undefined && relationValues(occurrence, property, relation).length > 0);
}

export const referencesKind = perTypeKind({
  name: 'oparl.references',
  description: 'References, lists and internal objects are of the type the schema names',
  decides: [RULE.OBJ_REFERENCES],
  rules: (selected, { crawl, type }) => (selected.some((occurrence) => refersToTyped(crawl, type, occurrence)) ? [RULE.OBJ_REFERENCES] : []),
  examine(occurrence, { crawl, type }) {
    const findings: Finding[] = [];
    for (const [property, relation] of crawl.model.types.get(type)?.relations ?? []) {
      if (!relation.type) continue;
      for (const [value, pointer] of relationValues(occurrence, property, relation)) {
        if (relation.kind !== 'embedded') findings.push(...unanswered(crawl, value, RULE.OBJ_REFERENCES, `the type behind "${property}" is unknown`));
        const found = mismatch(crawl, relation, value);
        if (!found) continue;
        const expected = relation.kind === 'list' ? `a list of oparl:${relation.type}` : `an oparl:${relation.type}`;
        findings.push(objectFinding(occurrence, RULE.OBJ_REFERENCES, WRONG_TYPE[relation.kind], `"${property}" should lead to ${expected}, but leads to ${found}`, { pointer, params: { property, expected: relation.type } }));
      }
    }
    return findings;
  },
});
