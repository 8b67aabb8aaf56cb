/**
 * Options the OGC API check kinds share: the conformance class a check is bound to (it is
 * inapplicable when the server does not declare it) and the budgets that bound how many
 * collections and pages of features a run looks at. What a budget cuts off is `untested`.
 */
import { CLASS_NAMES, type ClassName } from '../../ogcapi/conformance-classes.js';

export interface OgcOptions {
  /** The check applies only when /conformance lists this class. */
  conformanceClass?: ClassName;
  /** Collections looked at, in the order /collections lists them. */
  maxCollections?: number;
  /** `limit` of the pages konform walks through. */
  pageSize?: number;
  /** Pages of one query konform follows `next` links through. */
  maxPages?: number;
}

export const DEFAULTS = { maxCollections: 10, pageSize: 5, maxPages: 5, maxOperations: 30 } as const;

export const OGC_OPTIONS_SCHEMA = {
  type: 'object',
  properties: {
    conformanceClass: { enum: [...CLASS_NAMES] },
    maxCollections: { type: 'integer', minimum: 1, default: DEFAULTS.maxCollections },
    pageSize: { type: 'integer', minimum: 1, maximum: 10000, default: DEFAULTS.pageSize },
    maxPages: { type: 'integer', minimum: 1, default: DEFAULTS.maxPages },
  },
  additionalProperties: false,
} as const;
