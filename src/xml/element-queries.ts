/**
 * Queries on the element tree that the XÖV checks share: children by expanded name, the XPath
 * a finding names, and the whitespace handling of xs:token.
 */
import type { XmlElement } from './element-tree.js';

/** An XPath to the element with the document's own prefixes and positions, e.g. `/a:x[1]/y[2]`. */
export function xpathOf(element: XmlElement): string {
  const steps: string[] = [];
  for (let node: XmlElement | undefined = element; node; node = node.parent) {
    const current = node;
    const siblings = current.parent?.children.filter((other) => other.local === current.local && other.namespace === current.namespace) ?? [current];
    steps.unshift(`${current.name}[${siblings.indexOf(current) + 1}]`);
  }
  return `/${steps.join('/')}`;
}

/** Child elements with the given namespace and local name. */
export function childrenNamed(element: XmlElement, namespace: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local && child.namespace === namespace);
}

/** XML Schema `token` whitespace handling (XSD 1.1 Part 2 §4.3.6): collapse. */
export function collapseWhitespace(value: string): string {
  return value.replace(/[\t\n\r ]+/g, ' ').trim();
}
