/**
 * Character data as XML 1.0 writes it (§2.4, §4.6): the text of an element or attribute value
 * decoded from the predefined entities and character references, and values escaped again
 * before they are written into a document.
 */
import { childNodes, type ElementSpan } from './xml-text.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeCharacterData(raw: string): string {
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z][\w.-]*);/g, (reference, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    const value = PREDEFINED[name];
    if (value === undefined) throw new Error(`entity reference ${reference} is not one of XML's predefined entities`);
    return value;
  });
}

/** Escaped for element content: `&`, `<` and the `>` of a `]]>`. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for an attribute value in either quotes (§3.3.3 would normalise literal white space, so it is written as references). */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** Whether the element has element children (then it has no single text value). */
export function hasElementChildren(text: string, element: ElementSpan): boolean {
  return childNodes(text, element).some((child) => child.kind === 'element');
}

/** The element's text: its text and CDATA children joined (comments and processing instructions are not text). */
export function textContent(text: string, element: ElementSpan): string {
  return childNodes(text, element)
    .map((child) => {
      const raw = text.slice(child.start, child.end);
      if (child.kind === 'text') return decodeCharacterData(raw);
      if (child.kind === 'cdata') return raw.slice('<![CDATA['.length, -']]>'.length);
      return '';
    })
    .join('');
}

/** A comment whose text cannot end the comment early (XML 1.0 §2.5 forbids `--` inside). */
export function comment(note: string): string {
  return `<!--${note.replace(/-(?=-)/g, '- ').replace(/-$/, '- ')}-->`;
}
