/**
 * `oparl.vendor-extensions`: properties beyond the schema of an object's type carry a vendor
 * prefix, as in "BeispielHersteller:faxNumber" (OParl §3 "Herstellerspezifische
 * Erweiterungen"). Every property the schema does not know is reported once per type, with the
 * number of objects that have it: with a prefix as information (an extension §2.1 allows),
 * without one as a finding.
 */
import type { CheckOutput, Finding } from '../../model/types.js';
import { childPointer } from '../../core/json-pointer.js';
import { cutOffOf, oparlCrawl, unreachedOf } from '../../oparl/crawl.js';
import { objectFinding } from '../../oparl/findings.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { distinctObjects } from '../../oparl/occurrence-queries.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { RULE } from '../../oparl/rules.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, typeSubjects, type OParlOptions } from './shared.js';

const VENDOR_PREFIXED = /^[^:\s]+:[^:\s]+$/;

export const vendorExtensionsKind: CheckKind<OParlOptions> = {
  name: 'oparl.vendor-extensions',
  description: 'Properties beyond the schema carry a vendor prefix',
  optionsSchema: optionsSchema(),
  needs: ['endpoint'],
  lint: lintDeciding([RULE.OBJ_VENDOR_PREFIX]),
  subjects: (context) => typeSubjects(context),
  async run(context, options, subject, check): Promise<CheckOutput> {
    const crawl = await oparlCrawl(context, options);
    const type = subject?.id ?? '';
    const known = crawl.model.types.get(type)?.properties ?? new Set<string>();
    const objects = distinctObjects(crawl.occurrences.byType.get(type) ?? []);
    const unknown = new Map<string, { first: Occurrence; count: number }>();
    for (const occurrence of objects) {
      for (const name of Object.keys(occurrence.object).filter((property) => !known.has(property))) {
        const entry = unknown.get(name) ?? { first: occurrence, count: 0 };
        entry.count += 1;
        unknown.set(name, entry);
      }
    }
    const findings: Finding[] = [...unknown].map(([name, { first, count }]) => {
      const prefixed = VENDOR_PREFIXED.test(name);
      const message = prefixed
        ? `vendor extension "${name}" (in ${count} oparl:${type})`
        : `"${name}" (in ${count} oparl:${type}) is not a property of oparl:${type} and has no vendor prefix`;
      return objectFinding(first, RULE.OBJ_VENDOR_PREFIX, prefixed ? 'vendor-extension' : 'unknown-property', message, {
        pointer: childPointer(first.pointer, name),
        params: { property: name, count },
        ...(prefixed ? { severity: 'info' as const } : {}),
      });
    });
    return judgeCases(check, { findings, cases: casesOfEach(check.verifies, objects.length), cutOff: cutOffOf(crawl, type), unreached: unreachedOf(crawl, type), nothing: `the crawl met no oparl:${type}` }, options.maxFindings);
  },
};
