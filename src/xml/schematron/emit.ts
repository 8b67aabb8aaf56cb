/**
 * Emits the XSLT that evaluates a Schematron schema and writes SVRL (ISO/IEC 19757-3:2016
 * Annex D): `failed-assert` and `successful-report` with @id, @flag, @role and a @location of
 * `*:local[namespace-uri()='…'][n]` steps, as the ISO skeleton writes it, and `fired-rule`
 * with the rule's @context once per rule that fired, after its pattern's `active-pattern`
 * and before the pattern's assertions (once per node, it would be most of the output for
 * invoices): a rule's template returns its number besides its assertions' SVRL.
 *
 * Rule semantics (§6.5): each active pattern is one mode that visits every element and
 * attribute; its rules are templates whose priorities fall in document order, so for each node
 * only the first matching rule of a pattern fires. Schema-level `let`s become stylesheet
 * parameters; phase- and pattern-level `let`s global variables (patterns share them, as with
 * the ISO skeleton); rule-level `let`s local variables before the assertions.
 */
import type { Assertion, Content, Let, Pattern, Rule, SchemaModel } from './model.js';
import { KONFORM, LOCATION_FUNCTIONS, schemaNamespaces, SVRL, VERSIONS, XSL } from './stylesheet-prologue.js';
import { escapeAttribute, escapeText, serialize } from './tree.js';

/** Literal result attributes are attribute value templates: braces are doubled. */
function literal(value: string): string {
  return escapeAttribute(value.replace(/\{/g, '{{').replace(/\}/g, '}}'));
}

function optionalAttribute(name: string, value: string | undefined): string {
  return value === undefined ? '' : ` ${name}="${literal(value)}"`;
}

function emitContent(content: Content): string {
  return content
    .map((part) => {
      if (part.kind === 'text') return `<xsl:text>${escapeText(part.text)}</xsl:text>`;
      if (part.kind === 'value-of') return `<xsl:value-of select="${escapeAttribute(part.select)}"/>`;
      return `<xsl:value-of select="name(${escapeAttribute(part.path ?? '.')})"/>`;
    })
    .join('');
}

function emitLet(let_: Let, element: 'xsl:variable' | 'xsl:param'): string {
  if (let_.value !== undefined) return `<${element} name="${escapeAttribute(let_.name)}" select="${escapeAttribute(let_.value)}"/>`;
  const content = (let_.content ?? []).map((child) => (typeof child === 'string' ? escapeText(child) : serialize(child))).join('');
  return `<${element} name="${escapeAttribute(let_.name)}">${content}</${element}>`;
}

function emitAssertion(assertion: Assertion, rule: Rule, model: SchemaModel): string {
  const test = escapeAttribute(assertion.test);
  const condition = assertion.kind === 'assert' ? `not((${test}))` : test;
  const element = assertion.kind === 'assert' ? 'svrl:failed-assert' : 'svrl:successful-report';
  const attributes =
    ` test="${literal(assertion.test)}" location="{ksch:location(.)}"` +
    optionalAttribute('id', assertion.id) +
    optionalAttribute('flag', assertion.flag ?? rule.flag) +
    optionalAttribute('role', assertion.role ?? rule.role);
  const diagnostics = assertion.diagnostics
    .map((id) => `<svrl:diagnostic-reference diagnostic="${literal(id)}"><svrl:text>${emitContent(model.diagnostics.get(id) ?? [])}</svrl:text></svrl:diagnostic-reference>`)
    .join('');
  return `<xsl:if test="${condition}"><${element}${attributes}>${diagnostics}<svrl:text>${emitContent(assertion.message)}</svrl:text></${element}></xsl:if>`;
}

function emitPattern(pattern: Pattern, mode: string, model: SchemaModel): string {
  const next = `<xsl:apply-templates select="@*|*" mode="${mode}"/>`;
  const rules = pattern.rules.map((rule, index) => {
    const priority = pattern.rules.length - index;
    const fired = `<xsl:sequence select="${index + 1}"/>`;
    const body = rule.lets.map((let_) => emitLet(let_, 'xsl:variable')).join('') + rule.assertions.map((assertion) => emitAssertion(assertion, rule, model)).join('');
    return `<xsl:template match="${escapeAttribute(rule.context)}" mode="${mode}" priority="${priority}">${fired}${body}${next}</xsl:template>`;
  });
  return [`<xsl:template match="@*|*" mode="${mode}" priority="-2">${next}</xsl:template>`, ...rules].join('\n');
}

/** The SVRL of one active pattern: each rule that fired once, then the assertions' SVRL in document order. */
function emitPatternReport(pattern: Pattern, mode: string): string {
  const activePattern = `<svrl:active-pattern${optionalAttribute('id', pattern.id)}${optionalAttribute('name', pattern.title ?? pattern.id)}/>`;
  if (pattern.rules.length === 0) return activePattern;
  const report = `ksch:${mode}`;
  const fired = `ksch:${mode}-fired`;
  const firedRules = pattern.rules
    .map((rule, index) => `<xsl:if test="$${fired} = ${index + 1}"><svrl:fired-rule context="${literal(rule.context)}"${optionalAttribute('id', rule.id)}/></xsl:if>`)
    .join('');
  return (
    activePattern +
    `<xsl:variable name="${report}" as="item()*"><xsl:apply-templates select="/" mode="${mode}"/></xsl:variable>` +
    `<xsl:variable name="${fired}" select="distinct-values($${report}[not(. instance of node())])"/>` +
    `${firedRules}<xsl:sequence select="$${report}[. instance of node()]"/>`
  );
}

/** The stylesheet for the given active patterns (the phase is already resolved). */
export function emitXslt(model: SchemaModel, active: readonly Pattern[], phase: string): string {
  const version = VERSIONS[model.queryBinding] ?? '2.0';
  const declared = schemaNamespaces(model);
  const namespaces = declared.map(([prefix, uri]) => ` xmlns:${prefix}="${escapeAttribute(uri)}"`).join('');
  const modes = active.map((pattern, index) => ({ pattern, mode: `M${index + 1}` }));
  const root = modes.map(({ pattern, mode }) => emitPatternReport(pattern, mode)).join('');
  const prefixes = declared.map(([prefix, uri]) => `<svrl:ns-prefix-in-attribute-values prefix="${escapeAttribute(prefix)}" uri="${escapeAttribute(uri)}"/>`).join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<xsl:stylesheet version="${version}" xmlns:xsl="${XSL}" xmlns:svrl="${SVRL}" xmlns:ksch="${KONFORM}"${namespaces} exclude-result-prefixes="#all">`,
    `<xsl:output method="xml" encoding="UTF-8" indent="no"/>`,
    ...model.lets.map((let_) => emitLet(let_, 'xsl:param')),
    ...model.phases.filter((candidate) => candidate.id === phase).flatMap((candidate) => candidate.lets.map((let_) => emitLet(let_, 'xsl:variable'))),
    ...model.patterns.flatMap((pattern) => pattern.lets.map((let_) => emitLet(let_, 'xsl:variable'))),
    ...model.xslt.map(serialize),
    LOCATION_FUNCTIONS,
    `<xsl:template match="/"><svrl:schematron-output${optionalAttribute('title', model.title)} phase="${literal(phase)}">${prefixes}${root}</svrl:schematron-output></xsl:template>`,
    ...modes.map(({ pattern, mode }) => emitPattern(pattern, mode, model)),
    `</xsl:stylesheet>`,
    '',
  ].join('\n');
}
