/**
 * `ogcapi.openapi-contract`: the server implements its API definition (/req/oas30/oas-impl): each
 * GET operation, called with the values the definition gives (a listed collection and one of its
 * features for the path parameters `collectionId` and `featureId`), answers as the definition
 * describes, with the OpenAPI response checks of the contract suite (src/openapi/). A status the
 * definition does not list breaks /req/oas30/completeness (success) or /req/oas30/exceptions-codes
 * (errors; an unknown feature is asked for too); a 401 or 403 from a definition without security
 * schemes breaks /req/oas30/security, which no answer that did not refuse access is a case of.
 * Operations beyond `maxOperations` are untested.
 */
import { buildRequest, joinUrl } from '../../openapi/request.js';
import { Judgement, notJudged } from './judgement.js';
import { ogcKind } from './kind.js';
import { DEFAULTS, type OgcOptions } from './options.js';
import { fetchOnce } from './fetch.js';
import { judgeAnswer, RULES, rulesOfAnswer } from './openapi-answer.js';
import { knownPath, pathValues, serverBase } from './openapi-paths.js';
import { servedDefinition } from './served-definition.js';
import { UNKNOWN_ID } from './not-found.js';

export type OpenApiContractOptions = OgcOptions & { maxOperations?: number };

export const openapiContractKind = ogcKind<OpenApiContractOptions>({
  name: 'ogcapi.openapi-contract',
  description: 'Every GET operation of the API definition answers as the definition describes',
  rules: Object.values(RULES),
  properties: { maxOperations: { type: 'integer', minimum: 1, default: DEFAULTS.maxOperations } },
  judge: async (context, options) => {
    const judgement = new Judgement();
    const served = await servedDefinition(context);
    const unavailable = (why: string) => {
      const message = `konform could not load the API definition (${why}); see the check of the document`;
      return judgement.undecided({ rule: RULES.impl, code: 'definition-unavailable', message, fetched: served.fetched }).output();
    };
    if (!served.found) return unavailable(served.reason);
    if (!served.definition.loaded) return unavailable(served.definition.problem);
    const { document, unresolved } = served.definition;
    const base = serverBase(document.data, served.fetched.url);
    const operations = document.operations.filter((operation) => operation.method === 'GET');
    const max = options.maxOperations ?? DEFAULTS.maxOperations;
    const values = await pathValues(context, options.maxCollections ?? DEFAULTS.maxCollections);
    const examined = new Set<string>();
    for (const operation of operations.slice(0, max)) {
      const request = buildRequest(base, document.data, operation);
      const query = new URL(request.url).search.replace(/^\?/, '');
      const path = knownPath(operation.path, values);
      const url = path === undefined ? request.url : joinUrl(base, path, query ? [query] : []);
      const accept = request.headers?.accept ?? '*/*';
      const answer = await fetchOnce(context, url, accept);
      judgeAnswer(judgement, document, operation, answer, unresolved);
      rulesOfAnswer(answer).forEach((rule) => examined.add(rule));
      const unknownPath = operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === 'featureId')
        ? knownPath(operation.path, values, { featureId: UNKNOWN_ID })
        : undefined;
      if (unknownPath === undefined) continue;
      const unknown = await fetchOnce(context, joinUrl(base, unknownPath), accept);
      judgeAnswer(judgement, document, operation, unknown, unresolved, RULES.codes);
      rulesOfAnswer(unknown, RULES.codes).forEach((rule) => examined.add(rule));
    }
    if (operations.length > max && !judgement.violated) {
      const cut = notJudged('untested', `${operations.length - max} GET operations beyond maxOperations (${max}) were not called`);
      return { ...cut, evidence: judgement.output().evidence };
    }
    return judgement.output([...examined].sort());
  },
});
