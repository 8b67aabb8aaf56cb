/** The OpenAPI check kinds; each is registered here with one line. */
import type { CheckKind } from '../types.js';
import { bodySchemaKind } from './body-schema.js';
import { contentTypeDocumentedKind } from './content-type-documented.js';
import { documentKind } from './document.js';
import { invalidParameterKind } from './invalid-parameter.js';
import { noServerErrorKind } from './no-server-error.js';
import { requiredHeadersKind } from './required-headers.js';
import { securityEnforcedKind } from './security-enforced.js';
import { statusDocumentedKind } from './status-documented.js';
import { undocumentedMethodKind } from './undocumented-method.js';
import { undocumentedPathKind } from './undocumented-path.js';
import { needsValidDocument } from './valid-document.js';

export const OPENAPI_KINDS: readonly CheckKind<never>[] = [
  documentKind,
  needsValidDocument(statusDocumentedKind),
  needsValidDocument(contentTypeDocumentedKind),
  needsValidDocument(bodySchemaKind),
  needsValidDocument(requiredHeadersKind),
  needsValidDocument(noServerErrorKind),
  needsValidDocument(undocumentedPathKind),
  needsValidDocument(invalidParameterKind),
  needsValidDocument(undocumentedMethodKind),
  needsValidDocument(securityEnforcedKind),
];
