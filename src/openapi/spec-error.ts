/**
 * The errors a declared document raises: SPEC_MISSING when it cannot be read, SPEC_INVALID
 * with the JSON pointer (and line and column, where known) of the problem. A document with
 * problems throws InvalidDocumentError, which lists every problem found.
 */
import { ERROR_CODES, KonformError, type SourceLocation } from '../model/errors.js';
import type { Locate } from '../core/yaml-locator.js';

export type SpecErrorFactory = (message: string, pointer: string | undefined, cause?: unknown) => KonformError;

/** One thing wrong with a declared document: its structure (`document`) or one of its Schema Objects (`schema`). */
export interface DocumentProblem {
  aspect: 'document' | 'schema';
  message: string;
  location: SourceLocation;
}

/** SPEC_INVALID with every problem of the document; message and location are those of the first. */
export class InvalidDocumentError extends KonformError {
  constructor(
    readonly problems: readonly [DocumentProblem, ...DocumentProblem[]],
    cause?: unknown,
  ) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    super(ERROR_CODES.SPEC_INVALID, first.message + more, first.location, { cause });
    this.name = 'InvalidDocumentError';
  }
}

export function specInvalid(message: string, location: SourceLocation, cause?: unknown): KonformError {
  return new KonformError(ERROR_CODES.SPEC_INVALID, message, location, { cause });
}

/** The problem a SPEC_INVALID error describes; the problems of an InvalidDocumentError as they are. */
export function problemsOf(error: KonformError, aspect: DocumentProblem['aspect']): DocumentProblem[] {
  if (error instanceof InvalidDocumentError) return [...error.problems];
  return [{ aspect, message: error.message, location: error.location ?? {} }];
}

/** Errors located by pointer, with line and column looked up in the source; the pointer is where the problem is written. */
export function specErrorFactory(locate: Locate): SpecErrorFactory {
  return (message, pointer, cause) => {
    const location = locate(pointer ?? '');
    return specInvalid(message, pointer === undefined ? { file: location.file } : location, cause);
  };
}

export function specMissing(file: string, cause: unknown): KonformError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KonformError(ERROR_CODES.SPEC_MISSING, `cannot read the OpenAPI document: ${reason}`, { file }, { cause });
}
