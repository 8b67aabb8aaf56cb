/**
 * Which assertions a document gave a case of. A rule fires on each node its context matches,
 * unless an earlier rule of its pattern matches the node (ISO/IEC 19757-3:2016 §6.5); only
 * then are its assertions evaluated. SVRL names a fired rule by the `context` of its
 * `fired-rule`, which follows the `active-pattern` of its pattern (Annex D): konform names a
 * rule by the place of its pattern among the active ones (from 1) and its context.
 */

export type RuleKey = string;

export const ruleKey = (pattern: number, context: string): RuleKey => `${pattern} ${context}`;

/** Assertion IDs by the rule they belong to. */
export type AssertionsByRule = ReadonlyMap<RuleKey, readonly string[]>;

/**
 * Records a rule's assertion IDs. Of two rules of a pattern with the same context only the
 * first can fire (§6.5), so the first keeps the key.
 */
export function addRule(rules: Map<RuleKey, readonly string[]>, pattern: number, context: string, assertionIds: readonly string[]): void {
  const key = ruleKey(pattern, context);
  if (!rules.has(key)) rules.set(key, assertionIds);
}

/** The IDs of the assertions of the rules that fired. */
export function examinedAssertions(fired: Iterable<RuleKey>, rules: AssertionsByRule): Set<string> {
  const examined = new Set<string>();
  for (const key of fired) for (const id of rules.get(key) ?? []) examined.add(id);
  return examined;
}
