/**
 * CheckKind.lint of a kind that decides rules from constants of its family (the requirement
 * IDs of OGC API, OParl and the OpenAPI HTTP catalogue): a check of it can decide those rules
 * and no other — one listed beyond them would be reported passed without being examined.
 * Where options choose the rule (the class a check is bound to, say), the rules follow from
 * the options.
 */
import type { KindLint } from './types.js';

export type DecidedRules<Options> = readonly string[] | ((options: Options) => readonly string[]);

export function lintDeciding<Options>(rules: DecidedRules<Options>): (options: Options) => Promise<KindLint> {
  return async (options) => ({ problems: [], decidableRules: new Set(typeof rules === 'function' ? rules(options) : rules) });
}
