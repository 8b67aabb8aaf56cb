/**
 * A Schematron source as a plain element tree that the compiler can rewrite (includes and
 * abstract patterns are resolved on it). It is read with konform's safe parser; foreign
 * elements such as `xsl:function` are serialised back to XML for the compiled stylesheet.
 */
import { XmlCData, XmlElement, XmlText } from 'libxml2-wasm';
import { ERROR_CODES, KonformError } from '../../model/errors.js';
import { parseXml } from '../parse.js';

/** ISO/IEC 19757-3:2016 §3.21 (the Schematron namespace) and the 1.5 namespace it replaced. */
const SCH_NAMESPACES: ReadonlySet<string> = new Set(['http://purl.oclc.org/dsdl/schematron', 'http://www.ascc.net/xml/schematron']);

export interface SchAttribute {
  /** As written, `prefix:local` or `local`. */
  name: string;
  namespace: string;
  value: string;
}

export interface SchElement {
  namespace: string;
  local: string;
  prefix: string;
  attributes: SchAttribute[];
  children: Array<SchElement | string>;
  /** In-scope namespace declarations, prefix ('' for the default) → namespace name. */
  scope: Record<string, string>;
  /** Artifact path of the file the element comes from, for relative `href`s. */
  file: string;
}

function convert(node: XmlElement, file: string): SchElement {
  const children: SchElement['children'] = [];
  for (let child = node.firstChild; child; child = child.next) {
    if (child instanceof XmlElement) children.push(convert(child, file));
    else if (child instanceof XmlText || child instanceof XmlCData) children.push(child.content);
  }
  return {
    namespace: node.namespaceUri,
    local: node.name,
    prefix: node.prefix,
    attributes: node.attrs.map((attribute) => ({
      name: attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name,
      namespace: attribute.namespaceUri,
      value: attribute.value,
    })),
    children,
    scope: node.namespaces,
    file,
  };
}

/** Parses a Schematron or XSLT file of the standard; one that is not well-formed is a broken standard. */
export function parseSourceTree(bytes: Uint8Array, file: string): SchElement {
  const parsed = parseXml(bytes, file);
  if (!parsed.document) {
    const reason = parsed.findings.map((finding) => finding.message).join('; ');
    throw new KonformError(ERROR_CODES.STANDARD_INVALID, `the file ${file} of the standard cannot be read: ${reason}`, { file });
  }
  try {
    return convert(parsed.document.root, file);
  } finally {
    parsed.document.dispose();
  }
}

export function isSch(element: SchElement, local?: string): boolean {
  return SCH_NAMESPACES.has(element.namespace) && (local === undefined || element.local === local);
}

/** A no-namespace attribute (all Schematron attributes are). */
export function attr(element: SchElement, name: string): string | undefined {
  return element.attributes.find((attribute) => attribute.name === name && attribute.namespace === '')?.value;
}

export function childElements(element: SchElement): SchElement[] {
  return element.children.filter((child): child is SchElement => typeof child !== 'string');
}

export function schChildren(element: SchElement, local: string): SchElement[] {
  return childElements(element).filter((child) => isSch(child, local));
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes for a double-quoted attribute; white space characters survive attribute normalisation. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function serializeElement(element: SchElement, inherited: Record<string, string>): string {
  const name = element.prefix ? `${element.prefix}:${element.local}` : element.local;
  const declarations = Object.entries(element.scope)
    .filter(([prefix, uri]) => inherited[prefix] !== uri)
    .map(([prefix, uri]) => ` ${prefix ? `xmlns:${prefix}` : 'xmlns'}="${escapeAttribute(uri)}"`);
  const attributes = element.attributes.map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`);
  const content = element.children
    .map((child) => (typeof child === 'string' ? escapeText(child) : serializeElement(child, element.scope)))
    .join('');
  return `<${name}${declarations.join('')}${attributes.join('')}>${content}</${name}>`;
}

/** The element as XML, declaring on it every namespace in scope where it stood. */
export function serialize(element: SchElement): string {
  return serializeElement(element, {});
}
