/** `openapi.status-documented`: the status of the answer to a valid request is documented. */
import { checkStatusDocumented } from '../../openapi/response-status.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { judgeAnswer } from './answer.js';
import { RULE } from './rules.js';
import { operationSubjects } from './shared.js';

export const statusDocumentedKind: CheckKind = {
  name: 'openapi.status-documented',
  description: 'The status code of the answer is documented for the operation (exact code, range or default)',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.RESP_STATUS]),
  subjects: operationSubjects,
  run: (context, _options, subject) =>
    judgeAnswer(context, subject, ({ operation, response }) => {
      const findings = checkStatusDocumented(operation, response);
      return { outcome: findings.length > 0 ? 'failed' : 'passed', findings, evidence: [response.exchangeId] };
    }),
};
