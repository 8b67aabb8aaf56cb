/**
 * The mutators konform applies, by the names xml-mutate gives them (doc/mutator.md). Each
 * turns the document into one or more mutated documents, changing only the element that
 * follows the instruction; a mutator xml-mutate has but konform does not is named with the
 * reason, so its declarations are reported as exceptions, never skipped.
 */
import { MutationError } from './edit.js';
import { emptyMutator, identityMutator, removeMutator } from './structure-mutators.js';
import { codeMutator, whitespaceMutator } from './value-mutators.js';
import type { ElementSpan } from './xml-text.js';

export interface MutationInput {
  text: string;
  /** The element the instruction stands before. */
  target: ElementSpan;
  isRoot: boolean;
  params: Record<string, string[]>;
}

/** One mutated document; `label` tells it from its siblings (the code value, the position). */
export interface Variant {
  label: string;
  text: string;
}

export type Mutator = (input: MutationInput) => Variant[];

const MUTATORS: Record<string, Mutator> = {
  identity: identityMutator,
  noop: identityMutator,
  code: codeMutator,
  empty: emptyMutator,
  remove: removeMutator,
  whitespace: whitespaceMutator,
};

const NOT_IMPLEMENTED: Record<string, string> = {
  alternative: 'konform does not implement the alternative mutator (xml-mutate marks it "not working")',
  text: 'konform does not implement the text mutator: it generates random text',
  xslt: 'konform does not implement the xslt mutator: it runs a transformation given on the xml-mutate command line',
};

/** Why konform cannot honour a declaration with this mutator and these parameters, if it cannot. */
export function notImplemented(mutator: string, params: Record<string, string[]>): string | undefined {
  if (mutator === 'code' && params.genericode) return 'konform does not implement code values read from a genericode list';
  return NOT_IMPLEMENTED[mutator];
}

export function isKnownMutator(name: string): boolean {
  return name in MUTATORS || name in NOT_IMPLEMENTED;
}

/** The mutated documents; throws MutationError when the declaration does not fit its element. */
export function mutate(mutator: string, input: MutationInput): Variant[] {
  const apply = MUTATORS[mutator];
  if (!apply) throw new MutationError(`unknown mutator "${mutator}"`);
  return apply(input);
}
