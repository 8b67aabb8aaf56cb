/**
 * `oparl.type-uri`: every object, wherever it is output, has a `type` (OParl §3.1, "zwingend")
 * that is the namespace URL of an object type of the standard's version — not of another
 * version, not misspelt. An object of a type no OParl schema describes is a vendor extension
 * (§2.1 Erweiterbarkeit) unless it stands where an OParl type is expected. Whether the type is
 * the one its context expects is the references check's.
 */
import { cutOffOf, unreachedOf } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { RULE } from '../../oparl/rules.js';
import { everyTypeKind } from './every-type-kind.js';

const OPARL_NAMESPACES = /^https?:\/\/schema\.oparl\.org\//i;

export const typeUriKind = everyTypeKind({
  name: 'oparl.type-uri',
  description: "Every object's type is a type URI of the standard's OParl version",
  decides: [RULE.OBJ_TYPE],
  judge(crawl, type, options, check) {
    const occurrences = crawl.occurrences.byType.get(type) ?? [];
    const findings = occurrences.flatMap((occurrence) => {
      const value = occurrence.object.type;
      if (typeof value !== 'string') {
        return [objectFinding(occurrence, RULE.OBJ_TYPE, 'type-missing', 'the object has no type', { pointer: `${occurrence.pointer}/type` })];
      }
      if (value === crawl.model.namespace + (occurrence.type ?? '')) return [];
      if (!OPARL_NAMESPACES.test(value) && !occurrence.expected) return [];
      const expected = occurrence.expected ? ` (it stands where an oparl:${occurrence.expected} is expected)` : '';
      return [
        objectFinding(occurrence, RULE.OBJ_TYPE, 'type-unknown', `${JSON.stringify(value)} is no type URI of OParl ${crawl.model.version}${expected}`, {
          pointer: `${occurrence.pointer}/type`,
          params: { value },
        }),
      ];
    });
    const nothing = type ? `the crawl met no oparl:${type}` : 'every object the crawl met is of a known type';
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, occurrences.length), cutOff: cutOffOf(crawl, type), unreached: unreachedOf(crawl, type), nothing }, options.maxFindings);
  },
});
