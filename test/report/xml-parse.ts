/**
 * A strict little XML 1.0 parser for the tests: enough of the well-formedness constraints
 * (Char production, matched tags, unique attributes, references, no `]]>` in text) to tell
 * whether a CI system's XML parser would accept konform's output. Throws on the first violation.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: string): string {
  if (raw.includes('<')) throw new Error(`'<' in ${where}`);
  return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
    if (!match.endsWith(';')) throw new Error(`unterminated reference in ${where}`);
    const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(ref);
    if (numeric) {
      const digits = numeric[1]!;
      const char = String.fromCodePoint(digits.startsWith('x') ? parseInt(digits.slice(1), 16) : Number(digits));
      if (!XML_CHARS.test(char)) throw new Error(`reference to a forbidden character in ${where}: ${match}`);
      return char;
    }
    const named = PREDEFINED[ref];
    if (named === undefined) throw new Error(`unknown entity in ${where}: ${match}`);
    return named;
  });
}

export function parseXml(xml: string): XmlElement {
  if (!XML_CHARS.test(xml)) throw new Error('character outside the XML 1.0 Char production');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.includes(']]>')) throw new Error("']]>' in character data");
    const parent = stack.at(-1);
    if (parent) parent.text += decode(text, 'text');
    else if (text.trim() !== '') throw new Error('text outside the root element');
    if (lt === -1) break;
    rest = rest.slice(lt);
    const close = /^<\/([^\s>]+)\s*>/.exec(rest);
    if (close) {
      if (stack.pop()?.name !== close[1]) throw new Error(`mismatched end tag </${close[1]}>`);
      rest = rest.slice(close[0].length);
      continue;
    }
    const name = NAME.exec(rest.slice(1))?.[0];
    if (!name) throw new Error(`bad tag at: ${rest.slice(0, 30)}`);
    rest = rest.slice(1 + name.length);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const attribute = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(rest);
      if (!attribute) break;
      const attributeName = attribute[1]!;
      if (attributeName in element.attributes) throw new Error(`duplicate attribute ${attributeName}`);
      element.attributes[attributeName] = decode(attribute[3] ?? attribute[4] ?? '', `attribute ${attributeName}`);
      rest = rest.slice(attribute[0].length);
    }
    const end = /^\s*(\/?)>/.exec(rest);
    if (!end) throw new Error(`malformed start tag <${name}`);
    rest = rest.slice(end[0].length);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('second root element');
    else root = element;
    if (end[1] !== '/') stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unclosed element');
  return root;
}

/** All descendants named `name`, depth first. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
