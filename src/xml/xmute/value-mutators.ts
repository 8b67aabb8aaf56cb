/**
 * The mutators that write a new value into the element after the instruction (or into one of
 * its attributes), one document per value. Semantics as in xml-mutate's doc/mutator.md:
 * `code` takes `values` split at `separator` (default `,`; taken literally, where xml-mutate
 * reads it as a regular expression), drops empty items and trims each;
 * `whitespace` adds white space before or after the text or replaces it (`position`: prefix,
 * suffix, replace or mix; `length`, default 5; `list` of space, tab, newline).
 */
import { attributesNamed, MutationError, splice, withContent } from './edit.js';
import type { MutationInput, Variant } from './mutator.js';
import { escapeAttribute, escapeText, hasElementChildren, textContent } from './text-content.js';
import type { AttributeSpan } from './xml-text.js';

/** Java's String.trim: strips characters up to U+0020 from both ends. */
function javaTrim(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

function requireSimpleContent({ text, target }: MutationInput): void {
  if (hasElementChildren(text, target)) throw new MutationError(`${target.name} has element content, not a single text value`);
}

export function codeMutator(input: MutationInput): Variant[] {
  const { text, target, params } = input;
  const separator = params.separator?.[0] ?? ',';
  const values = (params.values ?? []).flatMap((list) => list.split(separator)).filter((value) => value !== '').map(javaTrim);
  if (values.length === 0) throw new MutationError('the code mutator needs values');
  const attributeName = params.attribute?.[0];
  if (attributeName) {
    const attribute = attributesNamed(target, [attributeName])[0] as AttributeSpan;
    return values.map((value) => ({ label: value, text: splice(text, attribute.valueStart, attribute.valueEnd, escapeAttribute(value)) }));
  }
  requireSimpleContent(input);
  return values.map((value) => ({ label: value, text: withContent(text, target, escapeText(value)) }));
}

const POSITIONS = ['prefix', 'suffix', 'replace'] as const;
const CHARACTERS: Record<string, string> = { newline: '\n', tab: '\t', space: ' ' };

function listParam(params: MutationInput['params'], key: string): string[] {
  const items = (params[key] ?? []).flatMap((value) => value.split(',')).map((item) => item.trim().toLowerCase());
  return [...new Set(items.filter((item) => item !== ''))];
}

/**
 * The white space is a fixed cycle through the chosen characters (xml-mutate draws it at
 * random); a declaration that holds must hold for any of them.
 */
function whitespace(params: MutationInput['params']): string {
  const lengths = params.length ?? ['5'];
  if (lengths.length > 1 || !/^\d+$/.test(lengths[0] ?? '')) throw new MutationError('length must be one integer');
  const names = listParam(params, 'list');
  const unknown = names.find((name) => !(name in CHARACTERS));
  if (unknown) throw new MutationError(`unknown white space character "${unknown}" (space, tab, newline)`);
  const characters = (names.length > 0 ? names : Object.keys(CHARACTERS)).map((name) => CHARACTERS[name] as string);
  return Array.from({ length: Number(lengths[0]) }, (_, index) => characters[index % characters.length]).join('');
}

export function whitespaceMutator(input: MutationInput): Variant[] {
  requireSimpleContent(input);
  const { text, target, params } = input;
  const content = textContent(text, target);
  if (content.trim() === '') throw new MutationError(`${target.name} has no text to add white space to`);
  const asked = listParam(params, 'position');
  const unknown = asked.find((position) => position !== 'mix' && !(POSITIONS as readonly string[]).includes(position));
  if (unknown) throw new MutationError(`unknown position "${unknown}" (prefix, suffix, replace, mix)`);
  const positions = asked.length === 0 || asked.includes('mix') ? POSITIONS : POSITIONS.filter((position) => asked.includes(position));
  const space = whitespace(params);
  const mutated = { prefix: space + content, suffix: content + space, replace: space };
  return positions.map((position) => ({ label: position, text: withContent(text, target, escapeText(mutated[position])) }));
}
