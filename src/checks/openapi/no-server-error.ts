/**
 * `openapi.no-server-error`: a valid request built from the document is not answered with a
 * server error; 5xx says the server failed to fulfil an apparently valid request (RFC 9110 §15.6).
 */
import type { Finding } from '../../model/types.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { judgedWithoutSuccess, needsCredentials, transportFailure } from './outputs.js';
import { notFoundCantTell } from './not-found.js';
import { RULE } from './rules.js';
import { callOperation, operationSubjects, subjectOperation } from './shared.js';
import { isAuthorizationRefusal } from './statuses.js';

export const noServerErrorKind: CheckKind = {
  name: 'openapi.no-server-error',
  description: 'A valid request is not answered with a 5xx server error',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.NO_SERVER_ERROR]),
  subjects: operationSubjects,
  async run(context, _options, subject) {
    const { document, operation } = await subjectOperation(context, subject);
    const call = await callOperation(context, document, operation);
    if ('failure' in call) return transportFailure(call.failure, operation);
    const { response } = call;
    if (operation.secured && isAuthorizationRefusal(response)) return needsCredentials(operation, response);
    const evidence = [response.exchangeId];
    const notFound = await notFoundCantTell(context, document, operation, response);
    if (notFound) return notFound;
    if (response.status < 500) return judgedWithoutSuccess({ outcome: 'passed', findings: [], evidence }, operation, response);
    const finding: Finding = {
      code: 'server-error',
      message: `${operation.method} ${operation.path} answered a valid request with ${response.status}`,
      params: { status: response.status },
      severity: 'error' as const,
      location: { operation: operation.key, specPointer: operation.pointer },
      exchange: response.exchangeId,
    };
    return { outcome: 'failed', findings: [finding], evidence };
  },
};
