/**
 * Positions in the text of a well-formed XML document, so that a mutation can change one
 * element or attribute and leave every other byte as it was. Covers the markup of XML 1.0
 * (Fifth Edition): start and end tags (§3.1), comments (§2.5), processing instructions
 * (§2.6), CDATA sections (§2.7) and the document type declaration (§2.8).
 */

export interface AttributeSpan {
  /** Qualified name as written, e.g. `listID` or `xsi:type`. */
  name: string;
  /** From the white space before the name to the closing quote. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

export interface ElementSpan {
  name: string;
  start: number;
  /** Offset after the `>` of the start tag. */
  startTagEnd: number;
  selfClosing: boolean;
  attributes: AttributeSpan[];
  /** The content between the tags (empty at startTagEnd when self-closing). */
  contentStart: number;
  contentEnd: number;
  end: number;
}

export type MarkupKind = 'start-tag' | 'end-tag' | 'text' | 'comment' | 'pi' | 'cdata' | 'doctype';
export type NodeKind = Exclude<MarkupKind, 'start-tag'> | 'element';

/** XML 1.0 §2.3 Name, approximated by Unicode letters and digits. */
const NAME = /[\p{L}_:][\p{L}\p{N}\p{M}_.:\u00B7-]*/uy;
const ATTRIBUTE = /(\s+)([\p{L}_:][\p{L}\p{N}\p{M}_.:\u00B7-]*)\s*=\s*("[^"]*"|'[^']*')/uy;
const DELIMITED: ReadonlyArray<[string, string, MarkupKind]> = [
  ['<!--', '-->', 'comment'],
  ['<![CDATA[', ']]>', 'cdata'],
  ['<?', '?>', 'pi'],
];

function fail(text: string, at: number, what: string): never {
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`not well-formed XML at line ${line}: ${what}`);
}

/** The piece of markup or text that starts at `at` and the offset after it; a start tag ends at its `>`. */
export function markupAt(text: string, at: number): { kind: MarkupKind; end: number } {
  if (text[at] !== '<') {
    const next = text.indexOf('<', at);
    return { kind: 'text', end: next === -1 ? text.length : next };
  }
  for (const [open, close, kind] of DELIMITED) {
    if (!text.startsWith(open, at)) continue;
    const end = text.indexOf(close, at + open.length);
    if (end === -1) fail(text, at, `unterminated ${kind}`);
    return { kind, end: end + close.length };
  }
  if (text.startsWith('<!DOCTYPE', at)) return { kind: 'doctype', end: doctypeEnd(text, at) };
  if (text.startsWith('</', at)) {
    const end = text.indexOf('>', at);
    if (end === -1) fail(text, at, 'unterminated end tag');
    return { kind: 'end-tag', end: end + 1 };
  }
  return { kind: 'start-tag', end: readStartTag(text, at).startTagEnd };
}

/** Like markupAt, but an element is one node that ends after its end tag. */
export function nodeAt(text: string, at: number): { kind: NodeKind; end: number } {
  const { kind, end } = markupAt(text, at);
  return kind === 'start-tag' ? { kind: 'element', end: readElement(text, at).end } : { kind, end };
}

function doctypeEnd(text: string, at: number): number {
  const subset = text.indexOf('[', at);
  const close = text.indexOf('>', at);
  const from = subset !== -1 && subset < close ? text.indexOf(']', subset) : at;
  const end = text.indexOf('>', from);
  if (from === -1 || end === -1) fail(text, at, 'unterminated document type declaration');
  return end + 1;
}

function readStartTag(text: string, at: number): Omit<ElementSpan, 'contentStart' | 'contentEnd' | 'end'> {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(text)?.[0];
  if (!name) fail(text, at, 'expected an element name');
  const attributes: AttributeSpan[] = [];
  let position = at + 1 + name.length;
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(text);
    if (!match) break;
    const [whole, , attributeName = '', quoted = ''] = match;
    const valueStart = position + whole.length - quoted.length + 1;
    attributes.push({ name: attributeName, start: position, end: position + whole.length, valueStart, valueEnd: valueStart + quoted.length - 2 });
    position += whole.length;
  }
  const close = /\s*(\/?)>/y;
  close.lastIndex = position;
  const ending = close.exec(text);
  if (!ending) fail(text, position, `malformed start tag of ${name}`);
  return { name, start: at, startTagEnd: position + ending[0].length, selfClosing: ending[1] === '/', attributes };
}

/** The element whose start tag begins at `at`, with the extent of its content and end tag. */
export function readElement(text: string, at: number): ElementSpan {
  const tag = readStartTag(text, at);
  if (tag.selfClosing) return { ...tag, contentStart: tag.startTagEnd, contentEnd: tag.startTagEnd, end: tag.startTagEnd };
  let position = tag.startTagEnd;
  for (;;) {
    if (position >= text.length) fail(text, at, `element ${tag.name} is not closed`);
    const node = nodeAt(text, position);
    if (node.kind === 'end-tag') {
      if (!text.startsWith(`</${tag.name}`, position)) fail(text, position, `end tag does not match ${tag.name}`);
      return { ...tag, contentStart: tag.startTagEnd, contentEnd: position, end: node.end };
    }
    position = node.end;
  }
}

/** The children of an element's content, in document order. */
export function childNodes(text: string, element: ElementSpan): Array<{ kind: NodeKind; start: number; end: number }> {
  const children = [];
  for (let position = element.contentStart; position < element.contentEnd; ) {
    const { kind, end } = nodeAt(text, position);
    children.push({ kind, start: position, end });
    position = end;
  }
  return children;
}

/**
 * The next element that is a sibling of the node ending at `from` (text, comments and
 * processing instructions in between are passed over); undefined when the parent ends first.
 */
export function nextSiblingElement(text: string, from: number): ElementSpan | undefined {
  for (let position = from; position < text.length; ) {
    const node = nodeAt(text, position);
    if (node.kind === 'end-tag') return undefined;
    if (node.kind === 'element') return readElement(text, position);
    position = node.end;
  }
  return undefined;
}
