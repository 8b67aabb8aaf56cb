/**
 * Abstract patterns and abstract rules, resolved on the tree after inclusion.
 * A pattern with `is-a` becomes a copy of the abstract pattern it names in which every
 * `$name` of one of its `param`s is replaced by the param's value, in all attribute values
 * (ISO/IEC 19757-3:2016 §5.4.9, §5.4.10; a name ends where XPath's NCName ends, so `$BR-5`
 * does not touch `$BR-52`). An `extends rule="…"` is replaced by the content of the abstract
 * rule it names (§5.4.4, §5.4.12). Abstract patterns and rules themselves never fire.
 */
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { attr, childElements, isSch, schChildren, type SchElement } from './tree.js';

const VARIABLE = /\$([\p{L}_][\p{L}\p{N}_.\-]*)/gu;

function fail(element: SchElement, message: string): never {
  throw new KonformError(ERROR_CODES.STANDARD_INVALID, message, { file: element.file });
}

function substitute(element: SchElement, params: ReadonlyMap<string, string>): SchElement {
  return {
    ...element,
    attributes: element.attributes.map((attribute) => ({
      ...attribute,
      value: attribute.value.replace(VARIABLE, (whole, name: string) => params.get(name) ?? whole),
    })),
    children: element.children.map((child) => (typeof child === 'string' ? child : substitute(child, params))),
  };
}

function instantiate(instance: SchElement, abstract: SchElement): SchElement {
  // Names are NCNames; CEN's bindings write some with trailing spaces, which the ISO skeleton ignores.
  const params = new Map(schChildren(instance, 'param').map((param) => [(attr(param, 'name') ?? '').trim(), attr(param, 'value') ?? '']));
  return {
    ...instance,
    attributes: instance.attributes.filter((attribute) => attribute.name !== 'is-a'),
    children: abstract.children.map((child) => (typeof child === 'string' ? child : substitute(child, params))),
  };
}

/** Replaces every `is-a` pattern of the schema by its instance and drops the abstract patterns. */
export function instantiateAbstractPatterns(schema: SchElement): SchElement {
  const patterns = schChildren(schema, 'pattern');
  const abstracts = new Map(patterns.filter((pattern) => attr(pattern, 'abstract') === 'true').map((pattern) => [attr(pattern, 'id'), pattern]));
  const children = schema.children.flatMap((child): SchElement['children'] => {
    if (typeof child === 'string' || !isSch(child, 'pattern')) return [child];
    if (attr(child, 'abstract') === 'true') return [];
    const isA = attr(child, 'is-a');
    if (isA === undefined) return [child];
    const abstract = abstracts.get(isA) ?? fail(child, `pattern ${attr(child, 'id') ?? ''} is-a "${isA}", which is no abstract pattern`);
    return [instantiate(child, abstract)];
  });
  return { ...schema, children };
}

function collectAbstractRules(element: SchElement, into: Map<string, SchElement>): Map<string, SchElement> {
  for (const child of childElements(element)) {
    if (isSch(child, 'rule') && attr(child, 'abstract') === 'true') into.set(attr(child, 'id') ?? '', child);
    else collectAbstractRules(child, into);
  }
  return into;
}

function expandRule(rule: SchElement, abstracts: ReadonlyMap<string, SchElement>, chain: string[]): SchElement['children'] {
  return rule.children.flatMap((child): SchElement['children'] => {
    if (typeof child === 'string' || !isSch(child, 'extends')) return [child];
    const id = attr(child, 'rule') ?? fail(child, 'an extends element names no rule');
    const abstract = abstracts.get(id) ?? fail(child, `extends names the rule "${id}", which is no abstract rule`);
    if (chain.includes(id)) fail(child, `the abstract rule "${id}" extends itself`);
    return expandRule(abstract, abstracts, [...chain, id]);
  });
}

/** Replaces `extends rule` in every concrete rule and drops the abstract rules. */
export function expandAbstractRules(schema: SchElement): SchElement {
  const abstracts = collectAbstractRules(schema, new Map());
  const rewrite = (element: SchElement): SchElement => ({
    ...element,
    children: element.children.flatMap((child): SchElement['children'] => {
      if (typeof child === 'string') return [child];
      if (!isSch(child, 'rule')) return [rewrite(child)];
      if (attr(child, 'abstract') === 'true') return [];
      return [{ ...child, children: expandRule(child, abstracts, []) }];
    }),
  });
  return rewrite(schema);
}
