/**
 * Text edits on one element of a document: everything outside the edited span stays as it
 * was, byte for byte.
 */
import type { AttributeSpan, ElementSpan } from './xml-text.js';

/** A declaration that cannot be applied to its element (xml-mutate reports these as mutation errors). */
export class MutationError extends Error {}

export function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** The element with new content; a self-closing element gets an end tag. */
export function withContent(text: string, element: ElementSpan, content: string): string {
  if (!element.selfClosing) return splice(text, element.contentStart, element.contentEnd, content);
  const openTag = text.slice(element.start, element.startTagEnd).replace(/\s*\/>$/, '>');
  return splice(text, element.start, element.end, `${openTag}${content}</${element.name}>`);
}

/** The attributes named, in the order given; a missing one is a MutationError. */
export function attributesNamed(element: ElementSpan, names: readonly string[]): AttributeSpan[] {
  return names.map((name) => {
    const attribute = element.attributes.find((candidate) => candidate.name === name);
    if (!attribute) throw new MutationError(`${element.name} has no attribute ${name}`);
    return attribute;
  });
}

/** Applies edits to several attributes, from the last to the first so offsets stay valid. */
export function editAttributes(text: string, attributes: AttributeSpan[], edit: (attribute: AttributeSpan, text: string) => string): string {
  return [...attributes].sort((a, b) => b.start - a.start).reduce((current, attribute) => edit(attribute, current), text);
}
