/**
 * `oparl.internal-objects`: an object output internally — embedded in another object, or as an
 * item of a list page — is the object its `id` serves (OParl §3 "Die Objekte", §2.5): every
 * property has the same value there. The object at its own URL adds the back-reference to the
 * object it is embedded in (a reference to the parent's type), which the internal output leaves
 * out; nothing else may differ. Where the own URL did not answer, the comparison is undecided.
 * The objects compared are those the crawl fetched at their own URL: its sample of each type.
 */
import { findFetched } from '../../crawl/index.js';
import { isJsonObject } from '../../openapi/refs.js';
import { ownUrlAsked, unanswered } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { jsonEqual } from '../../core/json-equal.js';
import { perTypeKind, type Examination, type OParlOptions } from './shared.js';

/** Properties the object at its own URL may add: back-references to the type it is embedded in. */
function backReferences(occurrence: Occurrence, { crawl, type }: Examination<OParlOptions>): Set<string> {
  const parentType = occurrence.parent?.occurrence.type;
  const relations = crawl.model.types.get(type)?.relations ?? new Map();
  return new Set([...relations].filter(([, relation]) => relation.kind === 'reference' && relation.type === parentType).map(([name]) => name));
}

export const internalObjectsKind = perTypeKind({
  name: 'oparl.internal-objects',
  description: 'Internal objects equal the objects at their own URLs',
  decides: [RULE.OBJ_INTERNAL_CONSISTENT],
  select: (occurrences, { crawl }) => occurrences.filter((occurrence) => occurrence.role !== 'fetched' && ownUrlAsked(crawl, occurrence.object.id)),
  examine(occurrence, examination) {
    const own = findFetched(examination.crawl.fetched, occurrence.object.id as string)?.json;
    if (!isJsonObject(own)) return unanswered(examination.crawl, occurrence.object.id, RULE.OBJ_INTERNAL_CONSISTENT, 'the object at its own URL is unknown');
    const internal = occurrence.object;
    const added = occurrence.role === 'embedded' ? backReferences(occurrence, examination) : new Set<string>();
    const names = new Set([...Object.keys(internal), ...Object.keys(own)]);
    const leftOut = (name: string) => added.has(name) && !(name in internal);
    const differing = [...names].filter((name) => !leftOut(name) && !jsonEqual(internal[name], own[name]));
    if (differing.length === 0) return [];
    const where = occurrence.role === 'embedded' ? `embedded in ${occurrence.parent?.occurrence.type ?? 'an object'} as "${occurrence.parent?.property}"` : 'in a list';
    return [
      objectFinding(occurrence, RULE.OBJ_INTERNAL_CONSISTENT, 'internal-differs', `the oparl:${examination.type} ${where} differs from the object at its URL in ${differing.map((name) => `"${name}"`).join(', ')}`, {
        params: { properties: differing },
      }),
    ];
  },
});
