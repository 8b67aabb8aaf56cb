/**
 * The XÖV code elements of a message (XÖV datatype Code, xoev-code.xsd: attributes listURI and
 * listVersionID, child `code` of type xs:token): every element the standard's schemas type as
 * a Code or a restriction of it, and — where the schemas do not type an element — every
 * element that carries listURI or listVersionID and has a `code` child.
 */
import type { CodeSchema, FixedList } from './codelist-schema.js';
import type { SchemaNode } from './codelist-schema-components.js';
import { childrenNamed, collapseWhitespace } from './element-queries.js';
import type { XmlElement } from './element-tree.js';

export interface CodeElement {
  element: XmlElement;
  /** Whether the schemas typed the element (so that `fixed` is all the standard fixes). */
  typed: boolean;
  /** What the standard's schemas fix for the element's type. */
  fixed: FixedList;
  /** The attributes as written in the message (absent when not written). */
  listURI?: string;
  listVersionID?: string;
  /** The collapsed value of the `code` child; undefined when there is none. */
  code?: string;
}

function looksLikeCode(element: XmlElement): boolean {
  return ('listURI' in element.attributes || 'listVersionID' in element.attributes) && childrenNamed(element, '', 'code').length > 0;
}

function codeElement(element: XmlElement, typed: boolean, fixed: FixedList): CodeElement {
  const { listURI, listVersionID } = element.attributes;
  const code = childrenNamed(element, '', 'code')[0];
  return {
    element,
    typed,
    fixed,
    ...(listURI !== undefined ? { listURI } : {}),
    ...(listVersionID !== undefined ? { listVersionID } : {}),
    ...(code ? { code: collapseWhitespace(code.text) } : {}),
  };
}

/** Every code element of the document, in document order. */
export function codeElements(root: XmlElement, schema: CodeSchema): CodeElement[] {
  const found: CodeElement[] = [];
  const visit = (element: XmlElement, type: SchemaNode | undefined) => {
    const fixed = type && schema.codeList(type);
    if (fixed) return void found.push(codeElement(element, true, fixed));
    if (!type && looksLikeCode(element)) return void found.push(codeElement(element, false, {}));
    for (const child of element.children) visit(child, schema.typeOf(child, type));
  };
  visit(root, schema.typeOf(root, undefined));
  return found;
}
