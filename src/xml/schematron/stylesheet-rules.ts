/**
 * The rules of a precompiled Schematron stylesheet in the ISO skeleton's form, as CEN and KoSIT
 * ship theirs: the template of `/` writes each pattern's `svrl:active-pattern` and then applies
 * the pattern's mode; each rule is a template of that mode that writes `svrl:fired-rule` with
 * the rule's context, and its assertions' `svrl:failed-assert` or `svrl:successful-report`
 * with the assertion's @id (literal, or as `xsl:attribute`).
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { addRule, type AssertionsByRule, type RuleKey } from './fired-rules.js';
import { SVRL, XSL } from './stylesheet-prologue.js';
import { attr, childElements, type SchElement } from './tree.js';

const ASSERTION_ELEMENTS: ReadonlySet<string> = new Set(['failed-assert', 'successful-report']);

const is = (element: SchElement, namespace: string, local: string) => element.namespace === namespace && element.local === local;

function descendants(element: SchElement): SchElement[] {
  return childElements(element).flatMap((child) => [child, ...descendants(child)]);
}

const textOf = (element: SchElement): string => element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');

/** A literal result attribute's value: an attribute value template whose braces are doubled. */
function literalValue(value: string): string | undefined {
  if (/[{}]/.test(value.replace(/\{\{|\}\}/g, ''))) return undefined;
  return value.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}

function assertionId(assertion: SchElement): string | undefined {
  const literal = attr(assertion, 'id');
  if (literal !== undefined) return literalValue(literal);
  const computed = childElements(assertion).find((child) => is(child, XSL, 'attribute') && attr(child, 'name') === 'id');
  return computed && childElements(computed).length === 0 ? textOf(computed).trim() : undefined;
}

/** Each mode the template of `/` applies, with the place of the pattern whose `active-pattern` it follows. */
function patternModes(templates: readonly SchElement[]): Map<string, number> {
  const modes = new Map<string, number>();
  const root = templates.find((template) => attr(template, 'match') === '/' && attr(template, 'mode') === undefined);
  let pattern = 0;
  for (const element of root ? descendants(root) : []) {
    if (is(element, SVRL, 'active-pattern')) pattern += 1;
    const mode = is(element, XSL, 'apply-templates') ? attr(element, 'mode') : undefined;
    if (mode !== undefined && pattern > 0 && !modes.has(mode)) modes.set(mode, pattern);
  }
  return modes;
}

/** The IDs of each rule's assertions; a stylesheet that writes no `fired-rule` is one konform cannot judge by. */
export function stylesheetRules(stylesheet: SchElement): AssertionsByRule {
  const templates = childElements(stylesheet).filter((child) => is(child, XSL, 'template'));
  const modes = patternModes(templates);
  const rules = new Map<RuleKey, readonly string[]>();
  for (const template of templates) {
    const pattern = modes.get(attr(template, 'mode') ?? '');
    const inside = descendants(template);
    const fired = inside.find((element) => is(element, SVRL, 'fired-rule'));
    const context = fired && literalValue(attr(fired, 'context') ?? '');
    if (pattern === undefined || context === undefined) continue;
    const ids = inside.filter((element) => element.namespace === SVRL && ASSERTION_ELEMENTS.has(element.local)).flatMap((element) => assertionId(element) ?? []);
    addRule(rules, pattern, context, ids);
  }
  if (rules.size === 0) {
    throw new KonformError(
      ERROR_CODES.STANDARD_INVALID,
      `the stylesheet ${stylesheet.file} writes no svrl:fired-rule in the ISO skeleton's form: konform cannot tell which of its rules a file gave a case of`,
      { file: stylesheet.file },
    );
  }
  return rules;
}
