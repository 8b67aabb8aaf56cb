/** `openapi.required-headers`: headers documented as required are present and valid. */
import { checkRequiredHeaders } from '../../openapi/response-headers.js';
import { lintDeciding } from '../decided-rules.js';
import type { CheckKind } from '../types.js';
import { judgeDocumentedAnswer } from './answer.js';
import { fromResponseCheck } from './outputs.js';
import { RULE } from './rules.js';
import { operationSubjects } from './shared.js';

export const requiredHeadersKind: CheckKind = {
  name: 'openapi.required-headers',
  description: 'Response headers documented with required: true are present and valid against their schema',
  needs: ['endpoint', 'spec'],
  lint: lintDeciding([RULE.RESP_HEADER]),
  subjects: operationSubjects,
  run: (context, _options, subject) =>
    judgeDocumentedAnswer(context, subject, ({ document, operation, response }, documented) =>
      fromResponseCheck(checkRequiredHeaders(document, operation, response, documented), response),
    ),
};
