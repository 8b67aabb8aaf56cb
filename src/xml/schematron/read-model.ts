/**
 * Reads the schema model from a resolved tree (no includes, no abstract patterns or rules left).
 * Elements the model does not need (`p`, `title` of rules, foreign documentation) are skipped;
 * features konform does not implement are refused rather than ignored.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import type { Assertion, Content, Let, Pattern, Phase, Rule, SchemaModel } from './model.js';
import { attr, childElements, isSch, schChildren, type SchElement } from './tree.js';

const XSLT_NAMESPACE = 'http://www.w3.org/1999/XSL/Transform';

function required(element: SchElement, name: string): string {
  const value = attr(element, name);
  if (value === undefined) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `a Schematron ${element.local} element lacks its ${name} attribute`, { file: element.file });
  }
  return value;
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

function textOf(element: SchElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

function readContent(element: SchElement): Content {
  return element.children.flatMap((child): Content => {
    if (typeof child === 'string') return [{ kind: 'text', text: child }];
    if (isSch(child, 'value-of')) return [{ kind: 'value-of', select: required(child, 'select') }];
    if (isSch(child, 'name')) return [{ kind: 'name', ...optional('path', attr(child, 'path')) }];
    return readContent(child);
  });
}

function readLets(element: SchElement): Let[] {
  return schChildren(element, 'let').map((let_) => {
    const value = attr(let_, 'value');
    return value === undefined ? { name: required(let_, 'name'), content: let_.children } : { name: required(let_, 'name'), value };
  });
}

function readAssertion(element: SchElement): Assertion {
  return {
    kind: element.local === 'assert' ? 'assert' : 'report',
    test: required(element, 'test'),
    ...optional('id', attr(element, 'id')),
    ...optional('flag', attr(element, 'flag')),
    ...optional('role', attr(element, 'role')),
    diagnostics: (attr(element, 'diagnostics') ?? '').split(/\s+/).filter(Boolean),
    message: readContent(element),
  };
}

function readRule(element: SchElement): Rule {
  return {
    context: required(element, 'context'),
    ...optional('id', attr(element, 'id')),
    ...optional('flag', attr(element, 'flag')),
    ...optional('role', attr(element, 'role')),
    lets: readLets(element),
    assertions: childElements(element).filter((child) => isSch(child, 'assert') || isSch(child, 'report')).map(readAssertion),
  };
}

function readPattern(element: SchElement): Pattern {
  if (attr(element, 'documents') !== undefined) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, 'pattern/@documents (ISO/IEC 19757-3:2016 §5.4.9) is not supported by konform', { file: element.file });
  }
  const title = schChildren(element, 'title')[0];
  return {
    ...optional('id', attr(element, 'id')),
    ...optional('title', title ? textOf(title).trim() : undefined),
    lets: readLets(element),
    rules: schChildren(element, 'rule').map(readRule),
  };
}

function readPhase(element: SchElement): Phase {
  return {
    id: required(element, 'id'),
    lets: readLets(element),
    active: schChildren(element, 'active').map((active) => required(active, 'pattern')),
  };
}

export function readModel(schema: SchElement): SchemaModel {
  if (!isSch(schema, 'schema')) {
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the Schematron's root is ${schema.local}, not schema`, { file: schema.file });
  }
  const title = schChildren(schema, 'title')[0];
  const namespaces = new Map(Object.entries(schema.scope).filter(([prefix]) => prefix !== ''));
  for (const ns of schChildren(schema, 'ns')) namespaces.set(required(ns, 'prefix'), required(ns, 'uri'));
  const diagnostics = schChildren(schema, 'diagnostics').flatMap((group) => schChildren(group, 'diagnostic'));
  return {
    ...optional('title', title ? textOf(title).trim() : undefined),
    queryBinding: (attr(schema, 'queryBinding') ?? 'xslt').toLowerCase(),
    ...optional('defaultPhase', attr(schema, 'defaultPhase')),
    namespaces,
    lets: readLets(schema),
    phases: schChildren(schema, 'phase').map(readPhase),
    patterns: schChildren(schema, 'pattern').map(readPattern),
    diagnostics: new Map(diagnostics.map((diagnostic) => [required(diagnostic, 'id'), readContent(diagnostic)])),
    xslt: childElements(schema).filter((child) => child.namespace === XSLT_NAMESPACE),
  };
}
