/**
 * How an OGC API check kind is declared: it needs the endpoint, takes the shared OGC options
 * (and any of its own), and judges in the frame of frame.ts — inapplicable when the server does
 * not declare its conformance class; a per-collection kind judges each listed collection. What
 * a check could not decide leaves undecided every rule it has no finding for (undecided-rules.ts).
 * A kind names the requirements its findings decide (`rules`): `konform suite lint` refuses a
 * check that verifies any other, which the kind would report passed without examining it.
 */
import type { CheckOutput, CheckSpec } from '../../model/types.js';
import { lintDeciding, type DecidedRules } from '../decided-rules.js';
import type { CheckContext, CheckKind } from '../types.js';
import { coverUndecidedRules } from '../undecided-rules.js';
import { collectionSubjects, forCollection, gated } from './frame.js';
import { OGC_OPTIONS_SCHEMA, type OgcOptions } from './options.js';
import type { ListedCollection } from './resources.js';

interface KindHead<Options> extends Pick<CheckKind, 'standards'> {
  name: string;
  description: string;
  /** The requirements its findings name, from the constants it judges them under; by its options where they choose. */
  rules: DecidedRules<Options>;
}

export interface OgcKindSpec<Options extends OgcOptions> extends KindHead<Options> {
  /** Options of its own, added to the shared OGC options. */
  properties?: Record<string, unknown>;
  /** Those of its own options a suite must give. */
  required?: string[];
  judge(context: CheckContext, options: Options, check: CheckSpec): Promise<CheckOutput>;
}

export interface CollectionKindSpec extends KindHead<OgcOptions> {
  judge(context: CheckContext, options: OgcOptions, collection: ListedCollection): Promise<CheckOutput>;
}

/** A kind that judges the server once. */
export function ogcKind<Options extends OgcOptions = OgcOptions>(spec: OgcKindSpec<Options>): CheckKind<Options> {
  return {
    name: spec.name,
    description: spec.description,
    optionsSchema: spec.properties
      ? {
          ...OGC_OPTIONS_SCHEMA,
          properties: { ...OGC_OPTIONS_SCHEMA.properties, ...spec.properties },
          ...(spec.required ? { required: spec.required } : {}),
        }
      : OGC_OPTIONS_SCHEMA,
    needs: ['endpoint'],
    lint: lintDeciding(spec.rules),
    run: async (context, options, _subject, check) => coverUndecidedRules(await gated(context, options, () => spec.judge(context, options, check)), check.verifies),
  };
}

/** A kind that judges each collection /collections lists, up to `maxCollections`. */
export function perCollectionKind(spec: CollectionKindSpec): CheckKind<OgcOptions> {
  return {
    name: spec.name,
    description: spec.description,
    optionsSchema: OGC_OPTIONS_SCHEMA,
    needs: ['endpoint'],
    ...(spec.standards ? { standards: spec.standards } : {}),
    subjects: collectionSubjects,
    lint: lintDeciding(spec.rules),
    run: async (context, options, subject, check) =>
      coverUndecidedRules(await forCollection(context, options, subject, (collection) => spec.judge(context, options, collection)), check.verifies),
  };
}
