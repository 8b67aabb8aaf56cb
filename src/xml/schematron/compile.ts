/**
 * konform's Schematron compiler (ISO/IEC 19757-3:2016, query bindings xslt, xslt2, xslt3):
 * read the schema and everything it includes, resolve abstract patterns and rules, refuse
 * what could reach beyond the document, choose the phase's patterns and emit XSLT.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { instantiateAbstractPatterns, expandAbstractRules } from './abstract.js';
import { emitXslt } from './emit.js';
import { addRule, type AssertionsByRule, type RuleKey } from './fired-rules.js';
import { guardSchematron } from './guard.js';
import { resolveIncludes, type ReadSource } from './include.js';
import type { Content, Pattern, SchemaModel } from './model.js';
import { readModel } from './read-model.js';
import { parseSourceTree } from './tree.js';

const BINDINGS = new Set(['xslt', 'xslt2', 'xslt3']);

/** What one assertion of the schema says, for requirement catalogues and reports. */
export interface AssertionSummary {
  id?: string;
  kind: 'assert' | 'report';
  flag?: string;
  role?: string;
  pattern?: string;
  /** The assertion text, white space collapsed, with `value-of` shown as `{expression}`. */
  text: string;
}

export interface CompiledSchematron {
  xslt: string;
  /** The phase as resolved: `#ALL` or a phase id. */
  phase: string;
  patterns: string[];
  assertions: AssertionSummary[];
  /** The IDs of each rule's assertions, by the rule's key in the SVRL (fired-rules.ts). */
  assertionsByRule: AssertionsByRule;
}

export async function loadSchematron(entry: string, read: ReadSource): Promise<SchemaModel> {
  const root = parseSourceTree(await read(entry), entry);
  const model = readModel(expandAbstractRules(instantiateAbstractPatterns(await resolveIncludes(root, read))));
  if (!BINDINGS.has(model.queryBinding)) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the Schematron's queryBinding "${model.queryBinding}" is not one konform runs (xslt, xslt2, xslt3)`, { file: entry });
  }
  guardSchematron(model, entry);
  return model;
}

/** §6.3: `#ALL` activates every pattern, `#DEFAULT` the schema's defaultPhase (else `#ALL`). */
export function activePatterns(model: SchemaModel, requested: string): { phase: string; patterns: Pattern[] } {
  const phase = requested === '#DEFAULT' ? (model.defaultPhase ?? '#ALL') : requested;
  if (phase === '#ALL') return { phase, patterns: model.patterns };
  const declared = model.phases.find((candidate) => candidate.id === phase);
  if (!declared) {
    const known = ['#ALL', '#DEFAULT', ...model.phases.map((candidate) => candidate.id)].join(', ');
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the Schematron has no phase "${phase}" (it has: ${known})`);
  }
  const patterns = declared.active.map(
    (id) =>
      model.patterns.find((pattern) => pattern.id === id) ??
      (() => {
        throw new KonformError(ERROR_CODES.STANDARD_INVALID, `phase "${phase}" activates the unknown pattern "${id}"`);
      })(),
  );
  return { phase, patterns };
}

function contentText(content: Content): string {
  return content
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'value-of' ? `{${part.select}}` : `{name(${part.path ?? '.'})}`))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function assertionsOf(patterns: readonly Pattern[]): AssertionSummary[] {
  return patterns.flatMap((pattern) =>
    pattern.rules.flatMap((rule) =>
      rule.assertions.map((assertion) => ({
        ...(assertion.id === undefined ? {} : { id: assertion.id }),
        kind: assertion.kind,
        ...((assertion.flag ?? rule.flag) === undefined ? {} : { flag: assertion.flag ?? rule.flag }),
        ...((assertion.role ?? rule.role) === undefined ? {} : { role: assertion.role ?? rule.role }),
        ...(pattern.id === undefined ? {} : { pattern: pattern.id }),
        text: contentText(assertion.message),
      })),
    ),
  );
}

function assertionsByRuleOf(patterns: readonly Pattern[]): AssertionsByRule {
  const rules = new Map<RuleKey, readonly string[]>();
  patterns.forEach((pattern, index) => {
    for (const rule of pattern.rules) addRule(rules, index + 1, rule.context, rule.assertions.flatMap((assertion) => (assertion.id === undefined ? [] : [assertion.id])));
  });
  return rules;
}

export async function compileSchematron(entry: string, read: ReadSource, options: { phase?: string } = {}): Promise<CompiledSchematron> {
  const model = await loadSchematron(entry, read);
  const { phase, patterns } = activePatterns(model, options.phase ?? '#DEFAULT');
  return {
    xslt: emitXslt(model, patterns, phase),
    phase,
    patterns: patterns.map((pattern, index) => pattern.id ?? `#${index + 1}`),
    assertions: assertionsOf(patterns),
    assertionsByRule: assertionsByRuleOf(patterns),
  };
}
