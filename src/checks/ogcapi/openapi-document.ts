/**
 * `ogcapi.openapi-document`: the API definition the landing page links as `service-desc` is an
 * OpenAPI 3.0 document in JSON, valid as konform validates a declared document: the OpenAPI 3.0
 * schema, resolvable references, compilable schemas (/req/oas30/oas-definition-2; with
 * `ifOpenApi30`, /rec/core/api-definition-oas, which applies only to a 3.0 definition).
 * References to the standard's building blocks at schemas.opengis.net resolve to the pinned
 * copies. Any other non-local reference konform fetches only from the hosts given with
 * `--allow-ref-host`: what a reference it did not fetch, or could not read, refers to is unknown,
 * so the check reports it as undecided (cantTell) rather than passing a document it could only
 * partly read.
 */
import type { CheckContext } from '../types.js';
import { fetchOnce } from './fetch.js';
import { Judgement, notJudged } from './judgement.js';
import { ogcKind } from './kind.js';
import type { OgcOptions } from './options.js';
import { REFERENCED_DOCUMENT, servedDefinition, type Served } from './served-definition.js';
import type { UnresolvedRef } from '../../ogcapi/ref-catalog.js';

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
    for (const document of definition.fetched) judgement.saw(await fetchOnce(context, document.url, REFERENCED_DOCUMENT));
    for (const ref of definition.unresolved) await judgeUnresolved(context, judgement, rule, ref, served);
    if (!definition.loaded && !definition.unresolved.some((ref) => !ref.inSchema)) {
      // A problem in a document a reference led to is shown there, in the exchange that fetched it.
      const { source } = definition;
      judgement.violation({
        rule,
        code: 'openapi-invalid',
        message: `not a valid OpenAPI 3.0 document: ${definition.problem}${source ? ` (at ${source.pointer || '/'} of ${source.url}, which a reference of the definition leads to)` : ''}`,
        fetched: source ? await fetchOnce(context, source.url, REFERENCED_DOCUMENT) : fetched,
        ...(source ? { pointer: source.pointer, params: { document: source.url } } : definition.pointer !== undefined ? { pointer: definition.pointer } : {}),
      });
    }
    return judgement.output();
  },
});

/** The finding of a reference konform did not resolve: which, where, and why (the flag that would let it fetch the document). */
async function judgeUnresolved(context: CheckContext, judgement: Judgement, rule: string, ref: UnresolvedRef, served: Served & { found: true }): Promise<void> {
  const where = ref.source ? `at ${ref.source.pointer || '/'} of ${ref.source.url}` : `at ${ref.pointer}`;
  const fetched = ref.source ? await fetchOnce(context, ref.source.url, REFERENCED_DOCUMENT) : served.fetched;
  const pointer = ref.source?.pointer ?? ref.pointer;
  const { reason } = ref;
  if (reason.kind === 'unreadable') {
    const document = await fetchOnce(context, reason.url, REFERENCED_DOCUMENT);
    const consequence = `the reference ${ref.ref} (${where}) is not resolved and what it refers to is not checked`;
    if (document.failure) return void judgement.unanswered(rule, document, consequence);
    judgement.undecided({
      rule,
      code: 'reference-unreadable',
      message: `${ref.ref} (${where}) is not resolved: ${reason.url} ${reason.problem}; what it refers to is not checked`,
      fetched: document,
      params: { ref: ref.ref, problem: reason.problem },
    });
    return;
  }
  const why =
    reason.kind === 'over-bound'
      ? `${reason.bound}, and ${reason.url} lies beyond`
      : reason.host === undefined
        ? 'it names no http(s) URL, and konform reads no file a served definition names'
        : `konform fetches references from ${reason.host} only when given --allow-ref-host ${reason.host}`;
  const flag = reason.kind === 'host-not-listed' && reason.host !== undefined ? { flag: `--allow-ref-host ${reason.host}` } : {};
  judgement.undecided({
    rule,
    code: 'reference-not-followed',
    message: `${ref.ref} (${where}) is not resolved: ${why}; what it refers to is not checked`,
    fetched,
    pointer,
    params: { ref: ref.ref, ...flag },
  });
}
