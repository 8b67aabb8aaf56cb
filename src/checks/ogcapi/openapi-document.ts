/**
 * `ogcapi.openapi-document`: the API definition the landing page links as `service-desc` is an
 * OpenAPI 3.0 document in JSON, valid as konform validates a declared document: the OpenAPI 3.0
 * schema, resolvable references, compilable schemas (/req/oas30/oas-definition-2; with
 * `ifOpenApi30`, /rec/core/api-definition-oas, which applies only to a 3.0 definition).
 * References to the standard's building blocks at schemas.opengis.net resolve to the pinned
 * copies. Any other non-local reference konform does not fetch, offline and without contacting
 * hosts the target did not allow: what it refers to is unknown, so the check reports it as
 * undecided (cantTell) rather than passing a document it could only partly read.
 */
import { Judgement, notJudged } from './judgement.js';
import { ogcKind } from './kind.js';
import type { OgcOptions } from './options.js';
import { servedDefinition } from './served-definition.js';

export type OpenApiDocumentOptions = OgcOptions & { ifOpenApi30?: boolean };

const ruleOf = (options: OpenApiDocumentOptions) => (options.ifOpenApi30 ? '/rec/core/api-definition-oas' : '/req/oas30/oas-definition-2');

export const openapiDocumentKind = ogcKind<OpenApiDocumentOptions>({
  name: 'ogcapi.openapi-document',
  description: 'The service-desc API definition is a valid OpenAPI 3.0 JSON document',
  properties: { ifOpenApi30: { type: 'boolean', default: false } },
  rules: (options) => [ruleOf(options)],
  judge: async (context, options) => {
    const rule = ruleOf(options);
    const judgement = new Judgement();
    const served = await servedDefinition(context);
    if (!served.found) {
      if (served.fetched.failure) return judgement.unanswered(rule, served.fetched).output();
      if (options.ifOpenApi30) return notJudged('inapplicable', `no OpenAPI 3.0 definition: ${served.reason}`);
      return judgement
        .violation({ rule, code: 'no-openapi-json', message: `no OpenAPI definition in JSON: ${served.reason}`, fetched: served.fetched })
        .output();
    }
    const { fetched, version, definition } = served;
    if (!version.startsWith('3.0.')) {
      if (options.ifOpenApi30) return notJudged('inapplicable', `the API definition is OpenAPI/Swagger ${version}, not 3.0`);
      return judgement
        .violation({
          rule,
          code: 'not-openapi-30',
          message: `the API definition declares ${version}, not OpenAPI 3.0`,
          fetched,
          pointer: '/openapi',
        })
        .output();
    }
    judgement.saw(fetched);
    for (const ref of definition.unresolved) {
      judgement.undecided({
        rule,
        code: 'reference-not-followed',
        message: `${ref.ref} (at ${ref.pointer}) is not local and konform does not fetch references; what it refers to is not checked`,
        fetched,
        pointer: ref.pointer,
        params: { ref: ref.ref },
      });
    }
    if (!definition.loaded && !definition.unresolved.some((ref) => !ref.inSchema)) {
      judgement.violation({
        rule,
        code: 'openapi-invalid',
        message: `not a valid OpenAPI 3.0 document: ${definition.problem}`,
        fetched,
        ...(definition.pointer !== undefined ? { pointer: definition.pointer } : {}),
      });
    }
    return judgement.output();
  },
});
