/**
 * The requirement IDs the OpenAPI check kinds decide (standards/openapi-http/1.0/requirements.yaml).
 * Each kind declares its own (CheckKind.lint), so that `konform suite lint` refuses a check
 * that verifies a rule its kind never examines.
 */
export const RULE = {
  DOC_VALID: 'OAS-DOC-VALID',
  SCHEMA_VALID: 'OAS-SCHEMA-VALID',
  RESP_STATUS: 'OAS-RESP-STATUS',
  RESP_MEDIA_TYPE: 'OAS-RESP-MEDIA-TYPE',
  RESP_SCHEMA: 'OAS-RESP-SCHEMA',
  RESP_HEADER: 'OAS-RESP-HEADER',
  NO_SERVER_ERROR: 'HTTP-NO-SERVER-ERROR',
  UNKNOWN_PATH: 'HTTP-UNKNOWN-PATH',
  INVALID_PARAMETER: 'HTTP-INVALID-PARAMETER',
  METHOD_NOT_ALLOWED: 'HTTP-METHOD-NOT-ALLOWED',
  ALLOW_HEADER: 'HTTP-ALLOW-HEADER',
  SECURITY_ENFORCED: 'OAS-SECURITY-ENFORCED',
} as const;
