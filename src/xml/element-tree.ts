/**
 * A read-only element tree of an XML document with resolved namespaces (XML Namespaces 1.0
 * §6) and the offset of every start tag, from which line, column and an XPath are derived for
 * findings. Built with fast-xml-parser: no DTD is loaded, internal entities are bounded by its
 * limits, nesting is bounded; a document that is not well-formed throws XmlTreeError.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineStarts, positionAt } from './text-position.js';

export interface XmlElement {
  /** The name as written, `prefix:local` or `local`. */
  name: string;
  namespace: string;
  local: string;
  /** Attributes by the name as written. */
  attributes: Readonly<Record<string, string>>;
  /** In-scope namespace declarations, prefix ('' for the default) → namespace name. */
  scope: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own character data (child elements' text excluded). */
  text: string;
  /** Offset of the start tag in the text. */
  start: number;
  parent?: XmlElement;
}

export interface ElementTree {
  root: XmlElement;
  /** 1-based line and column of the element's start tag. */
  position(element: XmlElement): { line: number; column: number };
}

export class XmlTreeError extends Error {
  constructor(message: string, readonly line?: number, readonly column?: number) {
    super(message);
  }
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const PARSER = new XMLParser({
  preserveOrder: true,
  captureMetaData: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  maxNestedTags: 200,
});
const METADATA = XMLParser.getMetaDataSymbol() as unknown as symbol;
const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Splits `prefix:local` and resolves the prefix in `scope`; attributes pass `useDefault` false. */
export function resolveName(name: string, scope: ReadonlyMap<string, string>, useDefault = true): { namespace: string; local: string } | undefined {
  const colon = name.indexOf(':');
  if (colon === -1) return { namespace: useDefault ? (scope.get('') ?? '') : '', local: name };
  const prefix = name.slice(0, colon);
  const namespace = prefix === 'xml' ? XML_NAMESPACE : scope.get(prefix);
  return namespace === undefined ? undefined : { namespace, local: name.slice(colon + 1) };
}

function scopeOf(attributes: Record<string, string>, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const declarations = Object.entries(attributes).filter(([name]) => name === 'xmlns' || name.startsWith('xmlns:'));
  if (declarations.length === 0) return inherited;
  const scope = new Map(inherited);
  for (const [name, value] of declarations) scope.set(name === 'xmlns' ? '' : name.slice(6), value);
  return scope;
}

function build(node: OrderedNode, name: string, scope: ReadonlyMap<string, string>, parent?: XmlElement): XmlElement {
  const attributes = node[':@'] ?? {};
  const own = scopeOf(attributes, scope);
  const qualified = resolveName(name, own);
  if (!qualified) throw new XmlTreeError(`the prefix of <${name}> is not declared`);
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[METADATA];
  const element: XmlElement = { name, ...qualified, attributes, scope: own, children: [], text: '', start: meta?.startIndex ?? 0, ...(parent ? { parent } : {}) };
  for (const child of node[name] as OrderedNode[]) {
    const childName = Object.keys(child).find((key) => key !== ':@');
    if (childName === '#text') element.text += String(child['#text']);
    else if (childName && !childName.startsWith('?') && !childName.startsWith('#')) element.children.push(build(child, childName, own, element));
  }
  return element;
}

const DOCTYPE_SUBSET = /<!DOCTYPE[^[>]*\[[\s\S]*?\]\s*>/;

/**
 * Blanks parameter-entity declarations of the internal DTD subset (offsets stay): they act only
 * within the DTD (XML 1.0 §4.1), which konform does not process, and the parser rejects them.
 */
function withoutParameterEntities(text: string): string {
  return text.replace(DOCTYPE_SUBSET, (doctype) => doctype.replace(/<!ENTITY\s+%[^>]*>/g, (declaration) => ' '.repeat(declaration.length)));
}

export function parseElementTree(input: string): ElementTree {
  const text = withoutParameterEntities(input.startsWith('\uFEFF') ? input.slice(1) : input);
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) throw new XmlTreeError(verdict.err.msg, verdict.err.line, verdict.err.col);
  let nodes: OrderedNode[];
  try {
    nodes = PARSER.parse(text) as OrderedNode[];
  } catch (error) {
    throw new XmlTreeError((error as Error).message);
  }
  const top = nodes.find((node) => Object.keys(node).some((key) => key !== ':@' && !key.startsWith('?') && !key.startsWith('#')));
  if (!top) throw new XmlTreeError('the document has no root element');
  const rootName = Object.keys(top).find((key) => key !== ':@') as string;
  const root = build(top, rootName, new Map());
  const starts = lineStarts(text);
  return {
    root,
    position: (element) => positionAt(starts, element.start),
  };
}
