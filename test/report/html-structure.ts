/**
 * A strict reading of the markup konform writes (not a general HTML parser): every element but
 * the void ones is closed in order, and no `<` appears but as the start of a tag. Escaped text
 * can thus never have opened an element.
 */
const VOID = new Set(['meta', 'br', 'img', 'hr', 'input', 'link']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>|<!DOCTYPE html>/g;

export interface Element {
  name: string;
  attributes: string;
}

/** The elements in document order; throws where the markup is not balanced. */
export function elementsOf(html: string): Element[] {
  const elements: Element[] = [];
  const open: string[] = [];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    if (html.slice(last, match.index).includes('<')) throw new Error(`a "<" outside a tag near ${JSON.stringify(html.slice(last, last + 80))}`);
    last = match.index + match[0].length;
    const [, closing, name, attributes] = match;
    if (name === undefined) continue;
    const lower = name.toLowerCase();
    if (closing) {
      const expected = open.pop();
      if (expected !== lower) throw new Error(`</${lower}> closes <${expected}> at ${match.index}`);
    } else {
      elements.push({ name: lower, attributes: attributes ?? '' });
      if (!VOID.has(lower)) open.push(lower);
    }
  }
  if (html.slice(last).includes('<')) throw new Error('a "<" outside a tag at the end');
  if (open.length > 0) throw new Error(`unclosed: ${open.join(', ')}`);
  return elements;
}
