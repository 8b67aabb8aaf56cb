/**
 * `oparl.created-modified`: every object carries `created` and `modified` (OParl §3.1), and
 * since OParl 1.1 objects output internally do too. OParl 1.0 asks it only of the types that are
 * not output internally: `internalTypes` lists the types it exempts.
 */
import type { FindingCode } from '../../model/finding-codes.js';
import { childPointer } from '../../core/json-pointer.js';
import { objectFinding } from '../../oparl/findings.js';
import { distinctObjects } from '../../oparl/occurrence-queries.js';
import { RULE } from '../../oparl/rules.js';
import { perTypeKind, type OParlOptions } from './shared.js';

export type CreatedModifiedOptions = OParlOptions & { internalTypes?: string[] };

const PROPERTIES = {
  created: { rule: RULE.OBJ_CREATED, code: 'created-missing' },
  modified: { rule: RULE.OBJ_MODIFIED, code: 'modified-missing' },
} as const;

export const createdModifiedKind = perTypeKind<CreatedModifiedOptions>({
  name: 'oparl.created-modified',
  description: 'Every object carries created and modified',
  decides: [...Object.values(PROPERTIES).map(({ rule }) => rule), RULE.OBJ_INTERNAL_CREATED_MODIFIED],
  properties: { internalTypes: { type: 'array', items: { type: 'string' } } },
  select: (occurrences) => [
    ...distinctObjects(occurrences).filter((occurrence) => occurrence.role !== 'embedded'),
    ...occurrences.filter((occurrence) => occurrence.role === 'embedded'),
  ],
  rules: (selected, { type, options }) => [
    ...(selected.some((occurrence) => occurrence.role !== 'embedded') && !options.internalTypes?.includes(type) ? Object.values(PROPERTIES).map(({ rule }) => rule) : []),
    ...(selected.some((occurrence) => occurrence.role === 'embedded') ? [RULE.OBJ_INTERNAL_CREATED_MODIFIED] : []),
  ],
  examine(occurrence, { type, options }) {
    const embedded = occurrence.role === 'embedded';
    if (!embedded && options.internalTypes?.includes(type)) return [];
    return Object.entries(PROPERTIES).flatMap(([name, { rule, code }]) =>
      occurrence.object[name] === undefined
        ? [
            objectFinding(occurrence, embedded ? RULE.OBJ_INTERNAL_CREATED_MODIFIED : rule, code, `the ${embedded ? 'internal ' : ''}oparl:${type} has no ${name}`, {
              pointer: childPointer(occurrence.pointer, name),
            }),
          ]
        : [],
    );
  },
});
