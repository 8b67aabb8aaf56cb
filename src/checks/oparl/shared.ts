/**
 * What the OParl check kinds share: their options (the crawl budget, the number of findings
 * kept per rule), one subject per object type of the standard (the crawl runs while the plan
 * is made, so that it is complete before any check runs), and the kind that examines the
 * objects of one type one by one.
 */
import type { CheckOutput, CheckSpec, Finding } from '../../model/types.js';
import { CRAWL_OPTIONS_PROPERTIES, cutOffOf, oparlCrawl, unreachedOf, type CrawlOptions, type OParlCrawl } from '../../oparl/crawl.js';
import { casesOfEach, judgeCases } from '../../oparl/cases.js';
import { FINDINGS_PER_RESULT } from '../../core/finding-limit.js';
import { distinctObjects } from '../../oparl/occurrence-queries.js';
import type { Occurrence } from '../../oparl/occurrences.js';
import { oparlStandard } from '../../oparl/standard.js';
import { lintDeciding, type DecidedRules } from '../decided-rules.js';
import type { CheckContext, CheckKind, Subject } from '../types.js';

export type OParlOptions = CrawlOptions & { maxFindings?: number };

/** The options schema of an OParl kind, with its own `properties` added. */
export function optionsSchema(properties: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...CRAWL_OPTIONS_PROPERTIES,
      maxFindings: { type: 'integer', minimum: 1, default: FINDINGS_PER_RESULT },
      ...properties,
    },
  };
}

/** The subject of objects whose type neither their `type` URI nor their context tells. */
export const OTHER_TYPE = 'other';

/**
 * One subject per object type of the standard (or of `only`); `other` adds the subject of
 * objects of no known type. The crawl runs when the first of them is examined.
 */
export async function typeSubjects(context: CheckContext, only?: readonly string[], other = false): Promise<Subject[]> {
  const { model } = await oparlStandard(context);
  const types = [...model.types.keys()].filter((type) => !only || only.includes(type)).sort();
  return [...types.map((type) => ({ id: type, title: `oparl:${type}` })), ...(other ? [{ id: OTHER_TYPE, title: 'objects of no known type' }] : [])];
}

/** The type a subject stands for; undefined for `other`. */
export function subjectType(subject: Subject | undefined): string | undefined {
  return subject === undefined || subject.id === OTHER_TYPE ? undefined : subject.id;
}

/** A single subject, for checks of the whole server. */
export async function serverSubject(context: CheckContext): Promise<Subject[]> {
  return [{ id: 'server', title: context.target.url ?? 'the server' }];
}

export interface Examination<Options> {
  context: CheckContext;
  options: Options;
  crawl: OParlCrawl;
  type: string;
  check: CheckSpec;
}

export interface PerTypeSpec<Options> extends Pick<CheckKind, 'standards' | 'waitsOnRequests'> {
  name: string;
  description: string;
  properties?: Record<string, unknown>;
  /** The rules its findings name: all a check of it can decide (lint refuses any other). */
  decides: DecidedRules<Options>;
  /** The types examined (default: all of the standard). */
  types?: readonly string[];
  /** The occurrences of the type to examine; by default each object once (distinctObjects). */
  select?(occurrences: readonly Occurrence[], examination: Examination<Options>): Occurrence[];
  examine(occurrence: Occurrence, examination: Examination<Options>): Finding[] | Promise<Finding[]>;
  /** The rules of the check the selected objects are cases of, where not all (CheckOutput.rules). */
  rules?(selected: readonly Occurrence[], examination: Examination<Options>): readonly string[];
}

/** A kind that examines the objects of the subject's type one by one. */
export function perTypeKind<Options extends OParlOptions>(spec: PerTypeSpec<Options>): CheckKind<Options> {
  return {
    name: spec.name,
    description: spec.description,
    optionsSchema: optionsSchema(spec.properties),
    needs: ['endpoint'],
    ...(spec.standards ? { standards: spec.standards } : {}),
    ...(spec.waitsOnRequests ? { waitsOnRequests: true } : {}),
    lint: lintDeciding(spec.decides),
    subjects: (context) => typeSubjects(context, spec.types),
    async run(context, options, subject, check: CheckSpec): Promise<CheckOutput> {
      const type = subject?.id ?? '';
      const crawl = await oparlCrawl(context, options);
      const examination = { context, options, crawl, type, check };
      const ofType = crawl.occurrences.byType.get(type) ?? [];
      const selected = spec.select ? spec.select(ofType, examination) : distinctObjects(ofType);
      const findings: Finding[] = [];
      for (const occurrence of selected) findings.push(...(await spec.examine(occurrence, examination)));
      // Each selected object is a case of the rules it concerns (by default all the check verifies).
      const rules = spec.rules ? spec.rules(selected, examination) : check.verifies;
      return judgeCases(
        check,
        {
          findings,
          cases: casesOfEach(rules, selected.length),
          cutOff: cutOffOf(crawl, type),
          unreached: unreachedOf(crawl, type),
          nothing: `the crawl met no oparl:${type} to examine`,
        },
        options.maxFindings,
      );
    },
  };
}
