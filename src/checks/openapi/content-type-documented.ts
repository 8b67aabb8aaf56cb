/** `openapi.content-type-documented`: the Content-Type of the answer is documented for its status. */
import { checkContentType } from '../../openapi/response-content-type.js';
import type { CheckKind } from '../types.js';
import { judgeDocumentedAnswer } from './answer.js';
import { fromResponseCheck } from './outputs.js';
import { operationSubjects } from './shared.js';

export const contentTypeDocumentedKind: CheckKind = {
  name: 'openapi.content-type-documented',
  description: 'The Content-Type of the answer is one of the media types documented for its status',
  needs: ['endpoint', 'spec'],
  subjects: operationSubjects,
  run: (context, _options, subject) =>
    judgeDocumentedAnswer(context, subject, ({ operation, response }, documented) =>
      fromResponseCheck(checkContentType(operation, response, documented), response),
    ),
};
