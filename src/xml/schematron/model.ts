/**
 * A Schematron schema once inclusion and abstraction are resolved (ISO/IEC 19757-3:2016 §5):
 * what the XSLT emitter needs, nothing more.
 */
import type { SchElement } from './tree.js';

/** Text of an assertion or diagnostic: literal text, `value-of` (§5.4.14) and `name` (§5.4.7). */
export type Content = Array<{ kind: 'text'; text: string } | { kind: 'value-of'; select: string } | { kind: 'name'; path?: string }>;

/** §5.4.6: a variable, from `value` or, without it, from the element's content. */
export interface Let {
  name: string;
  value?: string;
  content?: SchElement['children'];
}

/** §5.4.2 assert, §5.4.11 report. */
export interface Assertion {
  kind: 'assert' | 'report';
  test: string;
  id?: string;
  flag?: string;
  role?: string;
  /** IDs of the diagnostics (§5.4.3) to report with the assertion. */
  diagnostics: string[];
  message: Content;
}

/** §5.4.12: a rule; its `flag` and `role` apply to assertions that have none of their own. */
export interface Rule {
  context: string;
  id?: string;
  flag?: string;
  role?: string;
  lets: Let[];
  assertions: Assertion[];
}

/** §5.4.9 */
export interface Pattern {
  id?: string;
  title?: string;
  lets: Let[];
  rules: Rule[];
}

/** §5.4.10 */
export interface Phase {
  id: string;
  lets: Let[];
  active: string[];
}

export interface SchemaModel {
  title?: string;
  queryBinding: string;
  defaultPhase?: string;
  /** §5.4.8 `ns`, with the namespaces declared on the schema element. */
  namespaces: Map<string, string>;
  /** Schema-level variables: parameters of the compiled stylesheet. */
  lets: Let[];
  phases: Phase[];
  patterns: Pattern[];
  diagnostics: Map<string, Content>;
  /** XSLT elements at the top level of the schema (`xsl:function`, `xsl:key`), copied as they are. */
  xslt: SchElement[];
}
