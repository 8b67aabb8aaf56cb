/**
 * `oparl.back-references`: objects refer back to the objects that embed or refer to them.
 *  - An internal object, retrieved at its own URL, names the object it is embedded in (OParl §3
 *    "Die Objekte": "Dabei kommt dann das Eltern-Objekt als zusätzliches Attribut hinzu"; e.g.
 *    AgendaItem.meeting, Consultation.paper, Membership.person, File.meeting): in a property
 *    that refers to the parent's type.
 *  - Where the schema names the back-reference of a reference (`backreference`), the two
 *    properties name each other's objects: the referenced object's back-reference refers to the
 *    referring object (or the list it links contains it), and an object whose back-reference
 *    names another is named by that one's reference. Back-references the schema names
 *    inconsistently (a property the target type lacks, or one of another type, e.g. Paper.body →
 *    Body.meeting) are not judged; a list not crawled to its end cannot be judged.
 */
import type { Finding } from '../../model/types.js';
import { findFetched, normaliseUrl } from '../../crawl/index.js';
import { isJsonObject } from '../../openapi/refs.js';
import type { JsonObject } from '../../openapi/types.js';
import { objectAt, ownUrlAsked, unanswered } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import { typeOfUri, type OParlModel } from '../../oparl/model.js';
import { distinctObjects, relationValues } from '../../oparl/occurrence-queries.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind, type Examination, type OParlOptions } from './shared.js';

/** Whether a reference value (a URL or an array of URLs) names one of `urls`. */
function names(value: unknown, urls: ReadonlySet<string>): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((item) => typeof item === 'string' && urls.has(normaliseUrl(item) ?? item));
}

function urlsOf(occurrence: Occurrence): Set<string> {
  const urls = [occurrence.object.id, ...(occurrence.role === 'fetched' ? [occurrence.response.url] : [])];
  return new Set(urls.flatMap((url) => (typeof url === 'string' ? [normaliseUrl(url) ?? url] : [])));
}

function internalFindings(occurrence: Occurrence, { crawl, type }: Examination<OParlOptions>): Finding[] {
  const parent = occurrence.parent?.occurrence;
  const own = typeof occurrence.object.id === 'string' ? findFetched(crawl.fetched, occurrence.object.id)?.json : undefined;
  if (!parent) return [];
  if (!isJsonObject(own)) return unanswered(crawl, occurrence.object.id, RULE.OBJ_INTERNAL_BACKREFERENCE, 'the object at its own URL is unknown');
  const relations = [...(crawl.model.types.get(type)?.relations ?? [])].filter(([, relation]) => relation.kind === 'reference' && relation.type === parent.type);
  if (relations.length === 0 || relations.some(([name]) => names(own[name], urlsOf(parent)))) return [];
  const properties = relations.map(([name]) => `"${name}"`).join(' or ');
  return [
    objectFinding(occurrence, RULE.OBJ_INTERNAL_BACKREFERENCE, 'internal-backreference-missing', `at its own URL, the oparl:${type} does not refer back to the oparl:${parent.type} it is embedded in (${properties})`, {
      params: { parent: parent.object.id, properties: relations.map(([name]) => name) },
    }),
  ];
}

/** Whether `target` refers back to `source` in `property`, or undefined when that cannot be judged. */
function refersBack(examination: Examination<OParlOptions>, target: JsonObject, property: string, source: Occurrence): boolean | undefined {
  const { crawl, type } = examination;
  const back = typeOfUri(crawl.model, target.type)?.relations.get(property);
  if (back?.type !== type) return undefined;
  if (back.kind === 'reference') return names(target[property], urlsOf(source));
  if (back.kind !== 'list' || typeof target[property] !== 'string') return undefined;
  const list = crawl.lists.get(normaliseUrl(target[property]) ?? '');
  if (list?.end !== 'complete') return undefined;
  const ids = list.pages.flatMap((page) => (isJsonObject(page.json) && Array.isArray(page.json.data) ? page.json.data : []));
  return names(ids.map((item) => (isJsonObject(item) ? item.id : undefined)), urlsOf(source));
}

/** Pairs of properties that name each other's objects, by type: [property, its counterpart]. */
function pairsOf(model: OParlModel, type: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [name, objectType] of model.types) {
    for (const [property, relation] of objectType.relations) {
      if (relation.kind !== 'reference' || !relation.backreference) continue;
      if (name === type) pairs.push([property, relation.backreference]);
      if (relation.type === type) pairs.push([relation.backreference, property]);
    }
  }
  return pairs;
}

/** Whether the object refers to something in a property the schema names a back-reference for. */
function refersWithBackreference(model: OParlModel, type: string, occurrence: Occurrence): boolean {
  return pairsOf(model, type).some(([property]) => {
    const relation = model.types.get(type)?.relations.get(property);
    return relation?.kind === 'reference' && relationValues(occurrence, property, relation).length > 0;
  });
}

function schemaFindings(occurrence: Occurrence, examination: Examination<OParlOptions>): Finding[] {
  const findings: Finding[] = [];
  const { crawl, type } = examination;
  for (const [property, counterpart] of pairsOf(crawl.model, type)) {
    const relation = crawl.model.types.get(type)?.relations.get(property);
    if (relation?.kind !== 'reference') continue;
    for (const [value, pointer] of relationValues(occurrence, property, relation)) {
      const target = typeof value === 'string' ? objectAt(crawl, value) : undefined;
      if (!isJsonObject(target)) {
        findings.push(...unanswered(crawl, value, RULE.OBJ_BACKREFERENCE, `whether ${JSON.stringify(value)} refers back is unknown`));
        continue;
      }
      if (refersBack(examination, target, counterpart, occurrence) !== false) continue;
      const message = `${JSON.stringify(value)} ("${property}") does not refer back to this object in "${counterpart}"`;
      findings.push(objectFinding(occurrence, RULE.OBJ_BACKREFERENCE, 'backreference-missing', message, { pointer, params: { property, backreference: counterpart, target: value } }));
    }
  }
  return findings;
}

export const backReferencesKind = perTypeKind({
  name: 'oparl.back-references',
  description: 'Objects refer back to the objects that embed or refer to them',
  decides: [RULE.OBJ_INTERNAL_BACKREFERENCE, RULE.OBJ_BACKREFERENCE],
  // An embedded object is judged where the crawl fetched it at its own URL (its sample).
  select: (occurrences, { crawl }) => [
    ...distinctObjects(occurrences).filter((occurrence) => occurrence.role !== 'embedded'),
    ...occurrences.filter((occurrence) => occurrence.role === 'embedded' && ownUrlAsked(crawl, occurrence.object.id)),
  ],
  rules: (selected, { crawl, type }) => [
    ...(selected.some((occurrence) => occurrence.role === 'embedded' && occurrence.parent) ? [RULE.OBJ_INTERNAL_BACKREFERENCE] : []),
    ...(selected.some((occurrence) => occurrence.role !== 'embedded' && refersWithBackreference(crawl.model, type, occurrence)) ? [RULE.OBJ_BACKREFERENCE] : []),
  ],
  examine: (occurrence, examination) =>
    occurrence.role === 'embedded' ? internalFindings(occurrence, examination) : schemaFindings(occurrence, examination),
});
