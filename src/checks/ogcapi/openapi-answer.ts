/**
 * How one answer is held to the served API definition, with the response checks of the OpenAPI
 * contract suite: the status is documented (/req/oas30/completeness for success,
 * /req/oas30/exceptions-codes for errors), a 5xx is a capability not implemented, the Content-Type
 * and the body match the documented response where it specifies content (/req/oas30/oas-impl),
 * and an answer refusing access comes from a definition that documents its security schemes
 * (/req/oas30/security). A body whose schema reaches a reference konform did not resolve is
 * undecided, not passed.
 */
import { reachesUnresolved } from '../../ogcapi/api-definition.js';
import type { UnresolvedRef } from '../../ogcapi/ref-catalog.js';
import type { OpenApiDocument } from '../../openapi/document.js';
import { parseMediaType, selectMediaType } from '../../openapi/media-type.js';
import { checkBody } from '../../openapi/response-body.js';
import { checkContentType } from '../../openapi/response-content-type.js';
import { checkStatusDocumented, documentedResponse } from '../../openapi/response-status.js';
import { headerValue } from '../../openapi/response-check.js';
import { isJsonObject, objectAt } from '../../openapi/refs.js';
import type { Operation, ResponseSpec } from '../../openapi/types.js';
import type { Fetched } from './fetch.js';
import type { Judgement } from './judgement.js';

export const RULES = {
  impl: '/req/oas30/oas-impl',
  completeness: '/req/oas30/completeness',
  codes: '/req/oas30/exceptions-codes',
  security: '/req/oas30/security',
} as const;

function documentsSecurity(document: OpenApiDocument): boolean {
  const components = document.data.components;
  return isJsonObject(components) && isJsonObject(components.securitySchemes) && Object.keys(components.securitySchemes).length > 0;
}

/** OpenAPI 3.0.3 Response Object: `content` is optional; without it the content is unspecified, so any body is allowed. */
function specifiesContent(document: OpenApiDocument, documented: ResponseSpec): boolean {
  return objectAt(document.data, documented.pointer)?.value.content !== undefined;
}

const refusesAccess = (status: number) => status === 401 || status === 403;

/** The rule a status is judged under: `statusRule` where given, else by whether it is an error. */
const ruleOfStatus = (status: number, statusRule?: string) => statusRule ?? (status >= 400 ? RULES.codes : RULES.completeness);

/** The rules an answer is a case of: /req/oas30/security only where access was refused. */
export function rulesOfAnswer(fetched: Fetched, statusRule?: string): string[] {
  const status = fetched.response?.status;
  if (status === undefined) return [RULES.impl];
  return [RULES.impl, ruleOfStatus(status, statusRule), ...(refusesAccess(status) ? [RULES.security] : [])];
}

export function judgeAnswer(
  judgement: Judgement,
  document: OpenApiDocument,
  operation: Operation,
  fetched: Fetched,
  unresolved: readonly UnresolvedRef[],
  statusRule?: string,
): void {
  judgement.saw(fetched);
  if (fetched.failure) {
    judgement.unanswered(RULES.impl, fetched);
    return;
  }
  const { response } = fetched;
  const { status } = response;
  if (refusesAccess(status) && !documentsSecurity(document)) {
    judgement.violation({
      rule: RULES.security,
      code: 'security-undocumented',
      message: `${operation.key} answered ${status}, but the definition documents no security scheme`,
      fetched,
    });
  }
  for (const finding of checkStatusDocumented(operation, response)) judgement.adopt(finding, ruleOfStatus(status, statusRule));
  if (status >= 500) {
    judgement.violation({
      rule: RULES.impl,
      code: 'server-error',
      message: `${operation.key} answered ${status} to a request built from the definition`,
      fetched,
      params: { status },
    });
  }
  const documented = documentedResponse(operation, status);
  if (!documented || !specifiesContent(document, documented)) return;
  const contentType = checkContentType(operation, response, documented, response.body.length > 0);
  if (contentType.applicable) for (const finding of contentType.findings) judgement.adopt(finding, RULES.impl);
  const body = checkBody(document, operation, response, documented);
  if (!body.applicable) return;
  for (const finding of body.findings) judgement.adopt(finding, RULES.impl);
  const media = selectMediaType(
    documented.content,
    parseMediaType(headerValue(response, 'content-type') ?? '') ?? { type: '', subtype: '', parameters: new Map() },
  );
  if (
    body.findings.length === 0 &&
    media?.schemaPointer !== undefined &&
    reachesUnresolved(document.data, media.schemaPointer, unresolved)
  ) {
    judgement.undecided({
      rule: RULES.impl,
      code: 'schema-not-resolved',
      message: `the schema of ${media.mediaType} for ${documented.status} refers to a reference konform did not resolve, so the body could not be fully checked`,
      fetched,
      params: { specPointer: media.schemaPointer },
    });
  }
}
