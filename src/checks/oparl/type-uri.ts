/**
 * `oparl.type-uri`: every object, wherever it is output, has a `type` (OParl §3.1, "zwingend")
 * that is the namespace URL of an object type of the standard's version — not of another
 * version, not misspelt. An object of a type no OParl schema describes is a vendor extension
 * (§2.1 Erweiterbarkeit) unless it stands where an OParl type is expected. Whether the type is
 * the one its context expects is the references check's.
 */
import type { CheckOutput } from '../../core/model.js';
import { cutOffOf, oparlCrawl, unreachedOf } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import { judge } from '../../oparl/judge.js';
import { RULE } from '../../oparl/rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

const OPARL_NAMESPACES = /^https?:\/\/schema\.oparl\.org\//i;

export const typeUriKind: CheckKind<OParlOptions> = {
  name: 'oparl.type-uri',
  description: "Every object's type is a type URI of the standard's OParl version",
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  subjects: (context, options) => typeSubjects(context, options, undefined, true),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subjectType(subject);
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
    return judge(check, { findings, examined: occurrences.length, cutOff: cutOffOf(crawl, type), unreached: unreachedOf(crawl, type), nothing }, options.maxFindings);
  },
};
