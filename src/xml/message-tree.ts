/**
 * The element tree of a message that libxml2 has parsed (parse.ts), in the shape of
 * element-tree.ts that the XÖV checks query: names, namespaces, attributes and text as every
 * conforming processor sees them — internal entities included (XML 1.0 §4.4.2), character
 * references resolved. Line and column come from a scan of the decoded text for start tags
 * (schematron/start-tags.ts), matched child by child on expanded names; an element the scan
 * does not see (from an entity's replacement text) points at the element that holds the
 * entity reference.
 */
import { XmlCData, XmlElement as LibxmlElement, XmlText, type XmlDocument } from 'libxml2-wasm';
import type { ElementTree, XmlElement } from './element-tree.js';
import { scanStartTags, type Tag } from './schematron/start-tags.js';
import { lineStarts, positionAt } from './text-position.js';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** The in-scope namespaces of an element: its parent's, with its own declarations over them (XML Namespaces 1.0 §6.1). */
function scopeOf(element: LibxmlElement, inherited: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const declarations = Object.entries(element.nsDeclarations);
  return declarations.length === 0 ? inherited : new Map([...inherited, ...declarations]);
}

/** The scanned tag when it is the start tag of `element`, by expanded name. */
const seenAs = (tag: Tag | undefined, element: LibxmlElement) => (tag && tag.local === element.name && tag.namespace === element.namespaceUri ? tag : undefined);

/** Converts `element`, whose start tag the scan found as `tag` (else it starts where its parent does). */
function convert(element: LibxmlElement, tag: Tag | undefined, inherited: ReadonlyMap<string, string>, parent?: XmlElement): XmlElement {
  const scope = scopeOf(element, inherited);
  const converted: XmlElement = {
    name: element.prefix ? `${element.prefix}:${element.name}` : element.name,
    namespace: element.namespaceUri,
    local: element.name,
    attributes: Object.fromEntries(element.attrs.map((attribute) => [attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name, attribute.value])),
    scope,
    children: [],
    text: '',
    start: tag?.start ?? parent?.start ?? 0,
    ...(parent ? { parent } : {}),
  };
  let next = 0;
  for (let child = element.firstChild; child; child = child.next) {
    if (child instanceof LibxmlElement) {
      const seen = seenAs(tag?.children[next], child);
      if (seen) next += 1;
      converted.children.push(convert(child, seen, scope, converted));
    } else if (child instanceof XmlText || child instanceof XmlCData) converted.text += child.content;
  }
  return converted;
}

/** The tree of `document`, whose decoded text is `text` (xml-encoding.ts). */
export function messageTree(document: XmlDocument, text: string): ElementTree {
  const root = convert(document.root, seenAs(scanStartTags(text), document.root), new Map([['xml', XML_NAMESPACE]]));
  const starts = lineStarts(text);
  return { root, position: (element) => positionAt(starts, element.start) };
}
