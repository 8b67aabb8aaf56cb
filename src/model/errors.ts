/**
 * Every error konform raises on purpose carries a stable code; callers match on the code,
 * never on the message. Usage and configuration errors end a CLI run with exit code 2.
 */
export const ERROR_CODES = {
  USAGE: 'KONFORM_ERR_USAGE',
  CONFIG_INVALID: 'KONFORM_ERR_CONFIG_INVALID',
  SUITE_NOT_FOUND: 'KONFORM_ERR_SUITE_NOT_FOUND',
  SUITE_INVALID: 'KONFORM_ERR_SUITE_INVALID',
  STANDARD_NOT_FOUND: 'KONFORM_ERR_STANDARD_NOT_FOUND',
  STANDARD_INVALID: 'KONFORM_ERR_STANDARD_INVALID',
  ARTIFACT_HASH_MISMATCH: 'KONFORM_ERR_ARTIFACT_HASH_MISMATCH',
  PROFILE_UNKNOWN: 'KONFORM_ERR_PROFILE_UNKNOWN',
  CHECK_KIND_UNKNOWN: 'KONFORM_ERR_CHECK_KIND_UNKNOWN',
  CHECK_OPTIONS_INVALID: 'KONFORM_ERR_CHECK_OPTIONS_INVALID',
  SPEC_MISSING: 'KONFORM_ERR_SPEC_MISSING',
  SPEC_INVALID: 'KONFORM_ERR_SPEC_INVALID',
  TARGET_INVALID: 'KONFORM_ERR_TARGET_INVALID',
  AUTH_INVALID: 'KONFORM_ERR_AUTH_INVALID',
  OUTPUT_UNWRITABLE: 'KONFORM_ERR_OUTPUT_UNWRITABLE',
  RECORDING_INVALID: 'KONFORM_ERR_RECORDING_INVALID',
  /** A report.json handed to konform (diff, say) that is missing, no JSON or not valid against report.schema.json. */
  REPORT_INVALID: 'KONFORM_ERR_REPORT_INVALID',
  KEY_INVALID: 'KONFORM_ERR_KEY_INVALID',
  ATTESTATION_INVALID: 'KONFORM_ERR_ATTESTATION_INVALID',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where in a file an error was found; line and column are 1-based. */
export interface SourceLocation {
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer (RFC 6901) into the document. */
  pointer?: string;
}

export class KonformError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: SourceLocation, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KonformError';
    this.code = code;
    this.location = location;
  }

  /** "file:line:column (pointer): message", as far as the location is known. */
  describe(): string {
    const loc = this.location;
    if (!loc) return this.message;
    const place = [loc.file, loc.line, loc.column].filter((part) => part !== undefined).join(':');
    const pointer = loc.pointer !== undefined ? ` at ${loc.pointer === '' ? '/' : loc.pointer}` : '';
    return `${place}${pointer}: ${this.message}`.replace(/^: /, '');
  }
}

export function isKonformError(error: unknown): error is KonformError {
  return error instanceof KonformError;
}
