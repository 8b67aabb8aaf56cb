/**
 * A kind that judges what the crawl met of one object type at a time, with one subject per
 * type of the standard and one for objects of no known type (`other`): the checks of all
 * objects, lists and links, whatever their type (OParl §3.1: every object has a `type`).
 */
import type { CheckOutput, CheckSpec } from '../../model/types.js';
import { oparlCrawl, type OParlCrawl } from '../../oparl/crawl.js';
import { lintDeciding, type DecidedRules } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { optionsSchema, subjectType, typeSubjects, type OParlOptions } from './shared.js';

export interface EveryTypeSpec<Options> {
  name: string;
  description: string;
  properties?: Record<string, unknown>;
  /** The rules its findings name: all a check of it can decide (lint refuses any other). */
  decides: DecidedRules<Options>;
  /** `type` is undefined for the subject of objects of no known type. */
  judge(crawl: OParlCrawl, type: string | undefined, options: Options, check: CheckSpec): CheckOutput;
}

export function everyTypeKind<Options extends OParlOptions>(spec: EveryTypeSpec<Options>): CheckKind<Options> {
  return {
    name: spec.name,
    description: spec.description,
    optionsSchema: optionsSchema(spec.properties),
    needs: ['endpoint'],
    lint: lintDeciding(spec.decides),
    subjects: (context) => typeSubjects(context, undefined, true),
    async run(context, options, subject, check): Promise<CheckOutput> {
      return spec.judge(await oparlCrawl(context, options), subjectType(subject), options, check);
    },
  };
}
