/**
 * From one sample document to its declarations, each with the mutated documents it stands
 * for, or with the reason it has none: konform cannot honour it (an exception) or it does not
 * fit the document (broken, as xml-mutate's mutation errors).
 */
import { type DeclarationData, normalizeSpace, parseDeclarationData } from './declaration.js';
import { MutationError } from './edit.js';
import { isKnownMutator, mutate, notImplemented, type Variant } from './mutator.js';
import { findInstructions, type FoundInstruction } from './scan.js';
import { nextSiblingElement } from './xml-text.js';

export type Preparation =
  | { status: 'ready'; variants: Variant[] }
  | { status: 'exception'; reason: string }
  | { status: 'broken'; reason: string };

export interface SampleDeclaration {
  /** Path of the sample document. */
  sample: string;
  line: number;
  column: number;
  /** The instruction's data, white space normalised. */
  text: string;
  /** Undefined when the data cannot be read. */
  data?: DeclarationData;
  preparation: Preparation;
}

export const COMMENTED_OUT =
  'written inside a comment, so it is no processing instruction (XML 1.0 §2.5) and xml-mutate does not apply it either';

function prepare(text: string, rootStart: number | undefined, found: FoundInstruction, data: DeclarationData): Preparation {
  if (found.commentedOut) return { status: 'exception', reason: COMMENTED_OUT };
  if (!isKnownMutator(data.mutator)) return { status: 'broken', reason: `unknown mutator "${data.mutator}"` };
  const refused = notImplemented(data.mutator, data.params);
  if (refused) return { status: 'exception', reason: refused };
  const target = nextSiblingElement(text, found.end);
  if (!target) return { status: 'broken', reason: 'no element follows the instruction' };
  try {
    const variants = mutate(data.mutator, { text, target, isRoot: target.start === rootStart, params: data.params });
    return { status: 'ready', variants };
  } catch (error) {
    if (error instanceof MutationError) return { status: 'broken', reason: `${data.mutator} on ${target.name}: ${error.message}` };
    throw error;
  }
}

export function expandSample(sample: string, text: string): SampleDeclaration[] {
  const rootStart = nextSiblingElement(text, 0)?.start;
  return findInstructions(text).map((found) => {
    const place = { sample, line: found.line, column: found.column, text: normalizeSpace(found.data) };
    let data: DeclarationData;
    try {
      data = parseDeclarationData(found.data);
    } catch (error) {
      const reason = found.commentedOut ? COMMENTED_OUT : `the declaration cannot be read: ${(error as Error).message}`;
      return { ...place, preparation: { status: found.commentedOut ? 'exception' : 'broken', reason } };
    }
    return { ...place, data, preparation: prepare(text, rootStart, found, data) };
  });
}
