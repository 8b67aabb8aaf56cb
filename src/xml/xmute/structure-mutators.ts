/**
 * The mutators that keep, remove or empty the element after the instruction, with
 * xml-mutate's semantics (doc/mutator.md): `identity` validates the document as it is;
 * `remove` replaces the element by a comment, or with `attribute` removes those attributes;
 * `empty` removes the child elements (text, comments and the like stay) or, for a text-only
 * element, its text, leaving a comment; with `attribute` it empties those attribute values.
 */
import { attributesNamed, editAttributes, MutationError, splice, withContent } from './edit.js';
import type { MutationInput, Variant } from './mutator.js';
import { comment, hasElementChildren, textContent } from './text-content.js';
import { childNodes } from './xml-text.js';

export function identityMutator({ text }: MutationInput): Variant[] {
  return [{ label: 'identity', text }];
}

export function removeMutator({ text, target, isRoot, params }: MutationInput): Variant[] {
  if (params.attribute) {
    const attributes = attributesNamed(target, params.attribute);
    return [{ label: 'remove', text: editAttributes(text, attributes, (attribute, current) => splice(current, attribute.start, attribute.end, '')) }];
  }
  if (isRoot) throw new MutationError('the root element cannot be removed');
  return [{ label: 'remove', text: splice(text, target.start, target.end, comment(`Removed node ${target.name}`)) }];
}

export function emptyMutator({ text, target, params }: MutationInput): Variant[] {
  if (params.attribute) {
    const attributes = attributesNamed(target, params.attribute);
    return [{ label: 'empty', text: editAttributes(text, attributes, (attribute, current) => splice(current, attribute.valueStart, attribute.valueEnd, '')) }];
  }
  if (hasElementChildren(text, target)) {
    const kept = childNodes(text, target).filter((child) => child.kind !== 'element');
    const content = kept.map((child) => text.slice(child.start, child.end)).join('');
    return [{ label: 'empty', text: withContent(text, target, `${content}${comment('Emptied')}`) }];
  }
  const value = textContent(text, target);
  if (value.trim() === '') throw new MutationError(`${target.name} has nothing to empty`);
  return [{ label: 'empty', text: withContent(text, target, comment(`Emptied: ${value}`)) }];
}
