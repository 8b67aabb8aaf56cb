/**
 * `openapi.security-enforced`: a secured operation (its Security Requirement asks for
 * credentials) refuses a request without them with 401 or 403 (RFC 9110 §15.5.2, §15.5.4;
 * OpenAPI 3.1.1 Security Requirement Object). Success is a failure: the operation does not
 * enforce its security. The request is the operation's valid request, sent without the
 * configured credentials.
 */
import type { Finding } from '../../model/types.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { succeeded, transportFailure } from './outputs.js';
import { RULE } from './rules.js';
import { callableOperations, declaredDocument, requestFor, send, subjectOperation } from './shared.js';
import { isAuthorizationRefusal } from './statuses.js';

export const securityEnforcedKind: CheckKind = {
  name: 'openapi.security-enforced',
  description: 'A secured operation refuses a request without credentials with 401 or 403',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.SECURITY_ENFORCED]),
  async subjects(context) {
    const document = await declaredDocument(context);
    return callableOperations(document, context)
      .filter((operation) => operation.secured)
      .map((operation) => ({ id: operation.key, title: `${operation.method} ${operation.path}` }));
  },
  async run(context, _options, subject) {
    const { document, operation } = await subjectOperation(context, subject);
    const call = await send(context, { ...requestFor(context, document, operation), authenticate: false });
    if ('failure' in call) return transportFailure(call.failure, operation);
    const { response } = call;
    const evidence = [response.exchangeId];
    const request = `${operation.method} ${operation.path} without credentials`;
    if (isAuthorizationRefusal(response)) return { outcome: 'passed', findings: [], evidence };
    if (succeeded(response)) {
      const finding: Finding = {
        code: 'security-not-enforced',
        message: `${request} was answered with success (${response.status}); its security requirement demands credentials`,
        params: { status: response.status },
        severity: 'error' as const,
        location: { operation: operation.key, specPointer: operation.pointer },
        exchange: response.exchangeId,
      };
      return { outcome: 'failed', findings: [finding], evidence };
    }
    const finding: Finding = {
      code: 'unexpected-status',
      message: `${request} was answered ${response.status}, which says neither that it needs credentials nor that it does not`,
      params: { status: response.status },
      location: { operation: operation.key },
      exchange: response.exchangeId,
    };
    return { outcome: 'cantTell', findings: [finding], evidence };
  },
};
