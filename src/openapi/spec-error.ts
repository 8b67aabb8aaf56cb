/**
 * The errors a declared document raises: SPEC_MISSING when it cannot be read, SPEC_INVALID
 * with the JSON pointer (and line and column, where known) of the problem.
 */
import { ERROR_CODES, KonformError, type SourceLocation } from '../core/errors.js';
import type { SourceMap } from './source-map.js';

export type SpecErrorFactory = (message: string, pointer: string | undefined, cause?: unknown) => KonformError;

export function specInvalid(message: string, location: SourceLocation, cause?: unknown): KonformError {
  return new KonformError(ERROR_CODES.SPEC_INVALID, message, location, { cause });
}

/** Errors located by pointer, with line and column looked up in the source. */
export function specErrorFactory(file: string, sourceMap: SourceMap): SpecErrorFactory {
  return (message, pointer, cause) => {
    const position = pointer === undefined ? undefined : sourceMap.locate(pointer);
    return specInvalid(message, { file, pointer, line: position?.line, column: position?.column }, cause);
  };
}

export function specMissing(file: string, cause: unknown): KonformError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KonformError(ERROR_CODES.SPEC_MISSING, `cannot read the OpenAPI document: ${reason}`, { file }, { cause });
}
