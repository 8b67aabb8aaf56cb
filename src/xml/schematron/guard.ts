/**
 * The compiled stylesheet reads nothing but the document under test: konform refuses a
 * Schematron whose expressions or embedded XSLT would load other resources (files or URLs),
 * write any, or reach the environment. This is one of the fences around Saxon, with the JVM
 * options of the Saxon engine (no external entities or DTDs, no network) and `-ext:off`.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { Content, Let, SchemaModel } from './model.js';
import type { SchElement } from './tree.js';

const XSLT_NAMESPACE = 'http://www.w3.org/1999/XSL/Transform';

/** Functions that dereference a URI or read the environment (XPath F&O 3.1 §14.6, §14.8; XSLT 3.0 §20.1). */
const FUNCTIONS = [
  'doc', 'doc-available', 'document', 'collection', 'uri-collection', 'unparsed-text', 'unparsed-text-lines',
  'unparsed-text-available', 'json-doc', 'transform', 'load-xquery-module', 'environment-variable',
  'available-environment-variables',
];
const CALL = new RegExp(`(?<![\\w.:-])(?:fn:)?(${FUNCTIONS.join('|')})\\s*\\(`);
/** XSLT instructions that read or write other resources or evaluate text as code. */
const INSTRUCTIONS = new Set(['import', 'include', 'import-schema', 'result-document', 'evaluate', 'use-package']);
/** XPath string literals (doubled quotes included), which may mention a function name harmlessly. */
const STRING_LITERAL = /"[^"]*"|'[^']*'/g;

function refuse(found: string, file: string): never {
  throw new KonformError(
    ERROR_CODES.STANDARD_INVALID,
    `the Schematron uses ${found}, which could read or write other resources than the document under test; konform does not run it`,
    { file },
  );
}

/** Attribute values (expressions, patterns, templates) of embedded XSLT, refusing its I/O instructions. */
function embeddedExpressions(element: SchElement): string[] {
  if (element.namespace === XSLT_NAMESPACE && INSTRUCTIONS.has(element.local)) refuse(`xsl:${element.local}`, element.file);
  return [
    ...element.attributes.map((attribute) => attribute.value),
    ...element.children.flatMap((child) => (typeof child === 'string' ? [] : embeddedExpressions(child))),
  ];
}

function expressionsOf(model: SchemaModel): string[] {
  const lets = (list: Let[]) =>
    list.flatMap((let_) => [let_.value ?? '', ...(let_.content ?? []).flatMap((child) => (typeof child === 'string' ? [] : embeddedExpressions(child)))]);
  const content = (parts: Content) => parts.flatMap((part) => (part.kind === 'value-of' ? [part.select] : part.kind === 'name' ? [part.path ?? ''] : []));
  return [
    ...lets(model.lets),
    ...model.phases.flatMap((phase) => lets(phase.lets)),
    ...[...model.diagnostics.values()].flatMap(content),
    ...model.xslt.flatMap(embeddedExpressions),
    ...model.patterns.flatMap((pattern) => [
      ...lets(pattern.lets),
      ...pattern.rules.flatMap((rule) => [
        rule.context,
        ...lets(rule.lets),
        ...rule.assertions.flatMap((assertion) => [assertion.test, ...content(assertion.message)]),
      ]),
    ]),
  ];
}

function refuseCalls(expressions: readonly string[], file: string): void {
  for (const expression of expressions) {
    const found = CALL.exec(expression.replace(STRING_LITERAL, "''"))?.[1];
    if (found) refuse(`${found}()`, file);
  }
}

export function guardSchematron(model: SchemaModel, file: string): void {
  refuseCalls(expressionsOf(model), file);
}

/** The same fence for a precompiled stylesheet: no I/O instructions, no I/O functions. */
export function guardStylesheet(stylesheet: SchElement): void {
  refuseCalls(embeddedExpressions(stylesheet), stylesheet.file);
}
